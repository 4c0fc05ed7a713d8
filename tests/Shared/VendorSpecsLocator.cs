using System.Reflection;

namespace HotelPlatform.Connectors.Testing;

// One locator for every test project that reads ../shared/vendor-specs: compiled into each of them (a linked source file,
// tests/Shared), so that it reads the HotelPlatform.ProjectDirectory metadata of the assembly it is compiled into.

/// <summary>Where the vendor documents were found, or why not.</summary>
/// <param name="Root">The <c>vendor-specs</c> folder, or <see langword="null"/> when absent.</param>
/// <param name="Description">How it was found, or the skip reason naming the environment variable and the expected path.</param>
public sealed record VendorSpecsLocation(string? Root, string Description)
{
    /// <summary>Gets a value indicating whether the folder was found.</summary>
    public bool Found => Root is not null;
}

/// <summary>
/// Finds the vendors' own documents: the directory named by <see cref="EnvironmentVariable"/> (if set, it wins even when
/// it does not exist, so a typo is reported rather than silently replaced); else the first
/// <c>&lt;ancestor&gt;/shared/vendor-specs</c> found walking up from the test's base directory, its project's source
/// directory and the working directory.
/// </summary>
public static class VendorSpecsLocator
{
    /// <summary>The environment variable that overrides where the vendor documents are.</summary>
    public const string EnvironmentVariable = "HOTELPLATFORM_VENDOR_SPECS";

    /// <summary>Locates the documents for the running test assembly, from the environment and its default start directories.</summary>
    /// <returns>Where they are, or why they were not found.</returns>
    public static VendorSpecsLocation LocateForThisProcess() =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultStartDirectories(), ExpectedDefaultPath());

    /// <summary>Resolves the folder from an environment value and start directories; pure, so it can be tested on its own.</summary>
    /// <param name="environmentValue">The value of <see cref="EnvironmentVariable"/>, or <see langword="null"/>.</param>
    /// <param name="startDirectories">Where to search upward from.</param>
    /// <param name="expectedPath">The path to name in the reason when nothing is found.</param>
    /// <returns>The location.</returns>
    public static VendorSpecsLocation Locate(string? environmentValue, IEnumerable<string> startDirectories, string? expectedPath = null)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            string full = Path.GetFullPath(environmentValue);
            return Directory.Exists(full)
                ? new VendorSpecsLocation(full, $"{EnvironmentVariable}={full}")
                : new VendorSpecsLocation(null, $"Vendor documents not found: {EnvironmentVariable} is set to '{full}', which does not exist. Point it at the vendor-specs folder, or unset it to use '{expectedPath ?? "<repository>/../shared/vendor-specs"}'.");
        }

        var searched = new List<string>();
        foreach (string start in startDirectories.Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal))
        {
            searched.Add(start);
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "shared", "vendor-specs");
                if (Directory.Exists(candidate))
                {
                    return new VendorSpecsLocation(candidate, $"found at {candidate}");
                }
            }
        }

        return new VendorSpecsLocation(
            null,
            $"Vendor documents not found: set {EnvironmentVariable} to the vendor-specs folder, or place it at '{expectedPath ?? "<repository>/../shared/vendor-specs"}' "
            + $"(searched upward from {string.Join(", ", searched)}). They are read at test time and never copied into the repository.");
    }

    private static IEnumerable<string> DefaultStartDirectories()
    {
        yield return AppContext.BaseDirectory;
        if (ProjectDirectory() is { } project)
        {
            yield return project;
        }

        yield return Environment.CurrentDirectory;
    }

    private static string? ProjectDirectory() => typeof(VendorSpecsLocator).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "HotelPlatform.ProjectDirectory")?.Value;

    private static string? ExpectedDefaultPath()
    {
        // The repository is the ancestor of this project that holds the solution; the documents sit beside it.
        for (DirectoryInfo? directory = ProjectDirectory() is { } p ? new(p) : null; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HotelPlatform.Connectors.sln")) && directory.Parent is { } parent)
            {
                return Path.Combine(parent.FullName, "shared", "vendor-specs");
            }
        }

        return null;
    }
}
