using System.Reflection;

namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>
/// Finds the SGD hotel dialogues beside the repository (<c>../shared/datasets/sgd-hotels</c>, read in place, never
/// copied): <see cref="EnvironmentVariable"/> if set, else the first <c>&lt;ancestor&gt;/shared/datasets/sgd-hotels</c>
/// walking up from the test's base directory and its project directory. Tests that need it skip with the reason.
/// </summary>
internal static class SgdDataset
{
    public const string EnvironmentVariable = "HOTELPLATFORM_SGD_HOTELS";

    private static readonly Lazy<(string? Root, string Reason)> Location = new(Locate);

    public static string DevDialogues => Path.Combine(RequireRoot(), "dev", "dialogues.json");

    public static string TrainDialogues => Path.Combine(RequireRoot(), "train", "dialogues.json");

    private static string RequireRoot()
    {
        var (root, reason) = Location.Value;
        Assert.SkipWhen(root is null, reason);
        return root!;
    }

    private static (string? Root, string Reason) Locate()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? (configured, string.Empty) : (null, $"SGD hotel dialogues not found: {EnvironmentVariable}='{configured}' does not exist.");
        }

        string? project = typeof(SgdDataset).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "HotelPlatform.ProjectDirectory")?.Value;
        foreach (string start in new[] { AppContext.BaseDirectory, project }.OfType<string>())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "shared", "datasets", "sgd-hotels");
                if (File.Exists(Path.Combine(candidate, "dev", "dialogues.json")))
                {
                    return (candidate, string.Empty);
                }
            }
        }

        return (null, $"SGD hotel dialogues not found: place them at <repository>/../shared/datasets/sgd-hotels or set {EnvironmentVariable}. They are read in place, never copied into the repository.");
    }
}
