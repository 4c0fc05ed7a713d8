using System.Text.Json;

namespace HotelPlatform.Connectors.Catalog;

/// <summary>
/// The catalog's reading of a live contract-kit certification (<c>ContractKitCertification</c>, docs/live-sandbox.md):
/// the vendor, the kit and connector versions, the mode, each area's counts and whether the run certified. The runtime
/// reads the file's JSON rather than referencing the kit, which depends on xunit.
/// </summary>
public sealed record PmsCatalogCertification
{
    /// <summary>Gets the vendor.</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets the kit's version.</summary>
    public required string KitVersion { get; init; }

    /// <summary>Gets the version of the connector package that ran.</summary>
    public string? ConnectorVersion { get; init; }

    /// <summary>Gets what the run was allowed to do (<c>ReadOnly</c> or <c>Full</c>).</summary>
    public required string Mode { get; init; }

    /// <summary>Gets when the run ended.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Gets the kit's areas.</summary>
    public required IReadOnlyList<PmsCatalogCertificationArea> Areas { get; init; }

    /// <summary>Gets how many reservations the run left behind.</summary>
    public int LeftoverReservations { get; init; }

    /// <summary>Gets a value indicating whether the run certified the connector (some test passed, none failed, nothing left behind).</summary>
    public bool Certified { get; init; }

    /// <summary>Reads a certification file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The certification.</returns>
    /// <exception cref="InvalidDataException">The file is not a certification.</exception>
    public static PmsCatalogCertification Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, PmsCatalogJson.Default.PmsCatalogCertification)
                ?? throw new InvalidDataException($"{path} holds no contract-kit certification (null).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a contract-kit certification: {ex.Message}", ex);
        }
    }

    /// <summary>Reads every <c>*.json</c> file of a folder; none when the folder does not exist.</summary>
    internal static IReadOnlyList<PmsCatalogCertification> LoadAll(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load)]
            : [];
}

/// <summary>One kit area of a certification.</summary>
/// <param name="Area">The area (<c>Reservation</c>).</param>
/// <param name="Status"><c>Passed</c>, <c>Skipped</c> or <c>Failed</c>.</param>
/// <param name="Passed">Tests passed.</param>
/// <param name="Failed">Tests failed.</param>
/// <param name="Skipped">Tests skipped (each with its reason in the certification file).</param>
public sealed record PmsCatalogCertificationArea(string Area, string Status, int Passed, int Failed, int Skipped);
