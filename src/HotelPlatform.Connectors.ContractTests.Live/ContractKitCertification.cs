using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.ContractTests.Live;

/// <summary>How a kit area went in a run.</summary>
public enum ContractKitAreaStatus
{
    /// <summary>At least one test passed and none failed (some may have been skipped, with their reasons).</summary>
    Passed,

    /// <summary>Every test was skipped.</summary>
    Skipped,

    /// <summary>At least one test failed.</summary>
    Failed,
}

/// <summary>One kit test of a run.</summary>
/// <param name="Test">The test's name.</param>
/// <param name="Result"><c>Passed</c>, <c>Failed</c>, <c>Skipped</c> or <c>NotRun</c>.</param>
/// <param name="Reason">Why it was skipped, or its failure message.</param>
public sealed record ContractKitTestResult(string Test, string Result, string? Reason);

/// <summary>One kit area of a run.</summary>
/// <param name="Area">The area (for example <c>Reservation</c>).</param>
/// <param name="Tests">Its tests, by name.</param>
public sealed record ContractKitAreaResult(string Area, IReadOnlyList<ContractKitTestResult> Tests)
{
    /// <summary>Gets how many tests passed.</summary>
    public int Passed => Tests.Count(t => t.Result == nameof(TestResult.Passed));

    /// <summary>Gets how many tests failed.</summary>
    public int Failed => Tests.Count(t => t.Result == nameof(TestResult.Failed));

    /// <summary>Gets how many tests were skipped.</summary>
    public int Skipped => Tests.Count(t => t.Result == nameof(TestResult.Skipped));

    /// <summary>Gets how the area went.</summary>
    public ContractKitAreaStatus Status => Failed > 0 ? ContractKitAreaStatus.Failed : Passed > 0 ? ContractKitAreaStatus.Passed : ContractKitAreaStatus.Skipped;
}

/// <summary>
/// The machine-readable result of a kit run against a vendor's sandbox: the kit's version, the mode, each area passed,
/// skipped (with the reasons) or failed, and the reservations left behind. The connector catalog and the onboarding tool
/// show it as the connector's certification.
/// </summary>
public sealed record ContractKitCertification
{
    /// <summary>Gets the vendor.</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets the kit's version (<see cref="ContractKit.Version"/>).</summary>
    public required string KitVersion { get; init; }

    /// <summary>Gets the version of the connector's package that ran.</summary>
    public string? ConnectorVersion { get; init; }

    /// <summary>Gets what the run was allowed to do.</summary>
    public required LiveSandboxMode Mode { get; init; }

    /// <summary>Gets when the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets when the result was last written.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Gets the areas, by name.</summary>
    public required IReadOnlyList<ContractKitAreaResult> Areas { get; init; }

    /// <summary>Gets how many reservations the run created.</summary>
    public int ReservationsCreated { get; init; }

    /// <summary>Gets how many of the kit's bookings were still live in the window when the run ended (none when it cleaned up).</summary>
    public int LeftoverReservations { get; init; }

    /// <summary>Gets how many of the kit's bookings the final sweep found live and cancelled (the per-test cleanup missed them; zero in a clean run).</summary>
    public int CancelledAtEnd { get; init; }

    /// <summary>Gets how many leftovers of an earlier run were cancelled when this one started.</summary>
    public int LeftoversSweptAtStart { get; init; }

    /// <summary>Gets a value indicating whether the run certifies the connector: some test passed, none failed, nothing was left behind.</summary>
    public bool Certified => Areas.Any(a => a.Passed > 0) && Areas.All(a => a.Failed == 0) && LeftoverReservations == 0;

    /// <summary>Reads a certification file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The certification.</returns>
    /// <exception cref="InvalidDataException">The file is not a certification.</exception>
    public static ContractKitCertification Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize(stream, ContractKitCertificationJson.Default.ContractKitCertification)
                ?? throw new InvalidDataException($"{path} holds no certification (null).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a contract-kit certification: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the certification, replacing the file whole (written beside it, then moved).</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, ContractKitCertificationJson.Default.ContractKitCertification));
        File.Move(temporary, full, overwrite: true);
    }
}

/// <summary>The certification's JSON shape: camelCase, enums as words, indented for people who read it.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true, IgnoreReadOnlyProperties = false)]
[JsonSerializable(typeof(ContractKitCertification))]
internal sealed partial class ContractKitCertificationJson : JsonSerializerContext;
