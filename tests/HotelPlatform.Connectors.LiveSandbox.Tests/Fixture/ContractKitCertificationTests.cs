using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Fixture;

public sealed class ContractKitCertificationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kit-certification-").FullName;

    [Fact]
    public void A_certification_reads_back_as_it_was_written_with_each_area_counted()
    {
        var written = Certification([Area("Reservation", ("Books", "Passed", null), ("Modifies", "Skipped", "read-only")), Area("Guest", ("Finds", "Skipped", "no profiles"))]);
        var path = Path.Combine(_directory, "nested", "apaleo.json");

        written.Save(path);
        var read = ContractKitCertification.Load(path);

        Assert.Equal(written.Vendor, read.Vendor);
        Assert.Equal(ContractKit.Version, read.KitVersion);
        Assert.Equal(LiveSandboxMode.Full, read.Mode);
        Assert.Equal(["Reservation", "Guest"], read.Areas.Select(a => a.Area));
        Assert.Equal(ContractKitAreaStatus.Passed, read.Areas[0].Status);
        Assert.Equal((1, 0, 1), (read.Areas[0].Passed, read.Areas[0].Failed, read.Areas[0].Skipped));
        Assert.Equal(ContractKitAreaStatus.Skipped, read.Areas[1].Status);
        Assert.Equal("no profiles", read.Areas[1].Tests[0].Reason);
        Assert.True(read.Certified);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void The_file_names_enums_as_words_and_says_whether_it_certifies()
    {
        var path = Path.Combine(_directory, "apaleo.json");
        Certification([Area("Inventory", ("Lists", "Passed", null))]).Save(path);

        var json = File.ReadAllText(path);

        Assert.Contains("\"mode\": \"Full\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Passed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"certified\": true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_test_or_a_leftover_reservation_withholds_certification()
    {
        var failed = Certification([Area("Reservation", ("Books", "Passed", null), ("Cancels", "Failed", "boom"))]);
        var leftover = Certification([Area("Reservation", ("Books", "Passed", null))]) with { LeftoverReservations = 1 };
        var nothingRan = Certification([Area("Reservation", ("Books", "Skipped", "read-only"))]);

        Assert.Equal(ContractKitAreaStatus.Failed, failed.Areas[0].Status);
        Assert.False(failed.Certified);
        Assert.False(leftover.Certified);
        Assert.False(nothingRan.Certified);
    }

    [Fact]
    public void A_file_that_is_not_a_certification_is_refused_naming_the_file()
    {
        var path = Path.Combine(_directory, "junk.json");
        File.WriteAllText(path, "{ \"vendor\": 12 ");

        var ex = Assert.Throws<InvalidDataException>(() => ContractKitCertification.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ContractKitAreaResult Area(string name, params (string Test, string Result, string? Reason)[] tests) =>
        new(name, [.. tests.Select(t => new ContractKitTestResult(t.Test, t.Result, t.Reason))]);

    private static ContractKitCertification Certification(IReadOnlyList<ContractKitAreaResult> areas) => new()
    {
        Vendor = PmsVendors.Apaleo,
        KitVersion = ContractKit.Version,
        Mode = LiveSandboxMode.Full,
        StartedAt = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero),
        CompletedAt = new DateTimeOffset(2026, 12, 3, 12, 5, 0, TimeSpan.Zero),
        Areas = areas,
        ReservationsCreated = 3,
    };
}
