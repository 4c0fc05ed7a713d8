using HotelPlatform.Connectors.Cli;
using Spectre.Console.Testing;
using Xunit;

namespace HotelPlatform.Connectors.Cli.Tests;

public sealed class BulkCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hotelpms-bulk-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Bulk_arrivals_reports_every_hotel_and_a_rerun_with_the_checkpoint_skips_the_hotels_done()
    {
        var config = Path.Combine(_directory, "appsettings.json");
        await File.WriteAllTextAsync(config, """
            {
              "Hotels": {
                "berlin-mitte": { "Vendor": "inmemory", "PropertyId": "BER", "TimeZone": "Europe/Berlin", "Currency": "EUR" },
                "tokyo-ginza": { "Vendor": "inmemory", "PropertyId": "TYO", "TimeZone": "Asia/Tokyo", "Currency": "JPY" },
                "paris-opera": { "Vendor": "inmemory", "PropertyId": "PAR", "AccountKey": "inmemory:chain" },
                "vienna-protel": { "Vendor": "protel", "PropertyId": "VIE" }
              }
            }
            """, TestContext.Current.CancellationToken);
        var checkpoint = Path.Combine(_directory, "arrivals.checkpoint");
        string[] args = ["bulk", "arrivals", "--config", config, "--date", "2026-03-02", "--parallel", "2", "--checkpoint", checkpoint];

        var first = new TestConsole();
        first.Profile.Width = 250;
        var firstExit = await HotelPmsCli.RunAsync(args, first);
        var second = new TestConsole();
        second.Profile.Width = 250;
        var secondExit = await HotelPmsCli.RunAsync(args, second);

        // A hotel the tool cannot run is that hotel's failure, not the job's: the other three ran.
        Assert.Equal(HotelPmsCli.Failed, firstExit);
        Assert.Contains("3 succeeded, 1 failed, 0 not supported, 0 not run.", first.Output, StringComparison.Ordinal);
        Assert.Contains("arrivals on 2026-03-02", first.Output, StringComparison.Ordinal);
        Assert.Contains("vendor 'protel' is not carried by hotelpms", first.Output, StringComparison.Ordinal);
        Assert.Contains("inmemory:chain", first.Output, StringComparison.Ordinal);

        Assert.Equal(HotelPmsCli.Failed, secondExit);
        Assert.Equal(3, CountOf(second.Output, "done earlier"));
        Assert.Contains("3 succeeded, 1 failed, 0 not supported, 0 not run.", second.Output, StringComparison.Ordinal);
        Assert.Equal(6, (await File.ReadAllLinesAsync(checkpoint, TestContext.Current.CancellationToken)).Length);
    }

    [Fact]
    public async Task Bulk_health_runs_a_hotel_of_every_vendor_through_the_hosts_wiring()
    {
        var token = TestContext.Current.CancellationToken;
        var hotels = new System.Text.Json.Nodes.JsonObject();
        var simulators = new List<VendorSimulatorHotel>();
        try
        {
            foreach (var vendor in VendorSimulatorHotel.VendorNames)
            {
                var hotel = await VendorSimulatorHotel.StartAsync(vendor, token);
                simulators.Add(hotel);
                var section = new System.Text.Json.Nodes.JsonObject { ["Vendor"] = vendor };
                foreach (var (key, value) in hotel.Settings)
                {
                    section[key] = value;
                }

                hotels[$"{vendor}-hotel"] = section;
            }

            var config = Path.Combine(_directory, "appsettings.json");
            await File.WriteAllTextAsync(config, new System.Text.Json.Nodes.JsonObject { ["Hotels"] = hotels }.ToJsonString(), token);
            var console = new TestConsole();
            console.Profile.Width = 250;

            var exit = await HotelPmsCli.RunAsync(["bulk", "health", "--config", config], console);

            Assert.True(exit == HotelPmsCli.Success, console.Output);
            Assert.Contains("5 succeeded, 0 failed, 0 not supported, 0 not run.", console.Output, StringComparison.Ordinal);
            Assert.Equal(5, CountOf(console.Output, "Healthy"));
        }
        finally
        {
            foreach (var simulator in simulators)
            {
                await simulator.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Bulk_with_a_missing_configuration_file_is_a_usage_error()
    {
        var console = new TestConsole();
        console.Profile.Width = 250;

        var exit = await HotelPmsCli.RunAsync(["bulk", "health", "--config", Path.Combine(_directory, "missing.json")], console);

        Assert.Equal(HotelPmsCli.Usage, exit);
        Assert.Contains("does not exist", console.Output, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
