using System.Text.Json;
using HotelPlatform.Connectors.Cli;
using Spectre.Console.Testing;
using Xunit;

namespace HotelPlatform.Connectors.Cli.Tests.Catalog;

public sealed class CatalogCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hotelpms-catalog-");

    [Fact]
    public async Task Catalog_lists_the_five_vendors_and_the_in_memory_pms_with_their_packages()
    {
        var (exitCode, output) = await RunAsync("catalog");

        Assert.Equal(HotelPmsCli.Success, exitCode);
        foreach (var package in new[] { "Apaleo", "Mews", "Opera", "Cloudbeds", "SiteMinder", "InMemory" })
        {
            Assert.Contains($"HotelPlatform.Connectors.{package}", output, StringComparison.Ordinal);
        }

        Assert.Contains("6 of 6 connectors", output, StringComparison.Ordinal);
        Assert.Contains("WsSecurityUsernameToken", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalog_json_names_each_vendor_with_what_it_can_and_cannot_do()
    {
        var entries = await JsonAsync("catalog", "--json");

        Assert.Equal(
            [PmsVendors.Apaleo, PmsVendors.Cloudbeds, PmsVendors.InMemory, PmsVendors.Mews, PmsVendors.Opera, PmsVendors.SiteMinder],
            entries.Select(e => e.GetProperty("vendor").GetString()));
        var siteMinder = entries.Single(e => e.GetProperty("vendor").GetString() == PmsVendors.SiteMinder);
        Assert.Equal(["Webhooks"], Names(siteMinder, "capabilities"));
        Assert.Contains("CreateReservation", Names(siteMinder, "missingCapabilities"));
        Assert.Equal(0, siteMinder.GetProperty("rateLimits").GetArrayLength());
        var mews = entries.Single(e => e.GetProperty("vendor").GetString() == PmsVendors.Mews);
        var limit = Assert.Single(mews.GetProperty("rateLimits").EnumerateArray());
        Assert.Equal(200, limit.GetProperty("requests").GetInt32());
        Assert.Equal(JsonValueKind.Null, mews.GetProperty("certification").ValueKind);
        Assert.All(entries, e => Assert.Equal(19, Names(e, "capabilities").Count + Names(e, "missingCapabilities").Count));
    }

    [Fact]
    public async Task Needs_keeps_only_the_connectors_that_have_every_capability_asked_for()
    {
        var all = await JsonAsync("catalog", "--json");

        var some = await JsonAsync("catalog", "--json", "--needs", "CreateReservation", "--needs", "upsertguest");

        var expected = all.Where(e => Names(e, "capabilities").Contains("CreateReservation") && Names(e, "capabilities").Contains("UpsertGuest"))
            .Select(e => e.GetProperty("vendor").GetString()).ToList();
        Assert.Equal(expected, some.Select(e => e.GetProperty("vendor").GetString()));
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count);
        Assert.DoesNotContain(PmsVendors.SiteMinder, expected);
    }

    [Fact]
    public async Task An_unknown_capability_is_a_usage_error_naming_it_and_the_known_ones()
    {
        var (exitCode, output) = await RunAsync("catalog", "--needs", "Teleport");

        Assert.Equal(HotelPmsCli.Usage, exitCode);
        Assert.Contains("Teleport", output, StringComparison.Ordinal);
        Assert.Contains("CreateReservation", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_vendor_fails_and_names_the_known_vendors()
    {
        var (exitCode, output) = await RunAsync("catalog", "--vendor", "protel");

        Assert.Equal(HotelPmsCli.Failed, exitCode);
        Assert.Contains("protel", output, StringComparison.Ordinal);
        Assert.Contains("opera", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certification_of_the_packaged_version_shows_the_connector_as_certified_and_another_version_does_not()
    {
        var version = (await JsonAsync("catalog", "--json", "--vendor", "apaleo")).Single().GetProperty("version").GetString()!;
        WriteCertification("apaleo.json", "apaleo", version, failed: 0);
        WriteCertification("mews.json", "mews", "0.0.1-old", failed: 0);
        WriteCertification("opera.json", "opera", version, failed: 2);

        var entries = await JsonAsync("catalog", "--json", "--certifications", _folder.FullName);

        bool Certified(string vendor) => entries.Single(e => e.GetProperty("vendor").GetString() == vendor).GetProperty("certified").GetBoolean();
        Assert.True(Certified("apaleo"));
        Assert.False(Certified("mews"));
        Assert.False(Certified("opera"));
        Assert.False(Certified("cloudbeds"));
        var apaleo = entries.Single(e => e.GetProperty("vendor").GetString() == "apaleo").GetProperty("certification");
        Assert.Equal("Full", apaleo.GetProperty("mode").GetString());
        Assert.Equal(3, apaleo.GetProperty("areas")[0].GetProperty("passed").GetInt32());
        var (_, table) = await RunAsync("catalog", "--certifications", _folder.FullName);
        Assert.Contains("certified (Full)", table, StringComparison.Ordinal);
        Assert.Contains("not certified", table, StringComparison.Ordinal);
        Assert.Contains("certified 0.0.1-old only", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_certification_fails_the_command_with_its_path()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "broken.json"), "{ \"vendor\": ");

        var (exitCode, output) = await RunAsync("catalog", "--certifications", _folder.FullName);

        Assert.Equal(HotelPmsCli.Failed, exitCode);
        Assert.Contains("broken.json", output, StringComparison.Ordinal);
        Assert.Contains("not a contract-kit certification", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certifications_folder_that_does_not_exist_is_a_usage_error()
    {
        var (exitCode, output) = await RunAsync("catalog", "--certifications", Path.Combine(_folder.FullName, "absent"));

        Assert.Equal(HotelPmsCli.Usage, exitCode);
        Assert.Contains("absent", output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static List<string> Names(JsonElement entry, string property) =>
        [.. entry.GetProperty(property).EnumerateArray().Select(n => n.GetString()!)];

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var exitCode = await HotelPmsCli.RunAsync(args, console);
        return (exitCode, console.Output);
    }

    private static async Task<List<JsonElement>> JsonAsync(params string[] args)
    {
        var (exitCode, output) = await RunAsync(args);
        Assert.Equal(HotelPmsCli.Success, exitCode);
        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>A certification in the shape the live kit writes (docs/live-sandbox.md), per-test detail included.</summary>
    private void WriteCertification(string file, string vendor, string connectorVersion, int failed) =>
        File.WriteAllText(Path.Combine(_folder.FullName, file), $$"""
            {
              "vendor": "{{vendor}}", "kitVersion": "0.1.0-preview", "connectorVersion": "{{connectorVersion}}", "mode": "Full",
              "startedAt": "2026-12-01T10:00:00+00:00", "completedAt": "2026-12-01T10:01:00+00:00",
              "areas": [ { "area": "Reservation", "status": "{{(failed == 0 ? "Passed" : "Failed")}}", "passed": 3, "failed": {{failed}}, "skipped": 1,
                           "tests": [ { "test": "Create", "result": "Passed", "reason": null } ] } ],
              "reservationsCreated": 4, "leftoverReservations": 0, "cancelledAtEnd": 0, "leftoversSweptAtStart": 0,
              "certified": {{(failed == 0 ? "true" : "false")}}
            }
            """);
}
