using System.Text.Json;
using HotelPlatform.Connectors.Cli;
using HotelPlatform.Connectors.GuestSync;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Spectre.Console.Testing;
using Xunit;

namespace HotelPlatform.Connectors.Cli.Tests;

public sealed class GuestSyncCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hotelpms-guests-").FullName;
    private readonly ApaleoSimulator _apaleo = new();

    private string ConfigFile => Path.Combine(_folder, "chain.json");

    private string StoreFile => Path.Combine(_folder, "guests.db");

    public async ValueTask InitializeAsync()
    {
        await _apaleo.StartAsync(TestContext.Current.CancellationToken);
        var config = new
        {
            Hotels = new Dictionary<string, Dictionary<string, string>>
            {
                ["ber"] = new()
                {
                    ["Vendor"] = "apaleo",
                    ["PhoneRegion"] = "DE",
                    ["BaseAddress"] = _apaleo.BaseAddress.ToString(),
                    ["WebhookAddress"] = _apaleo.BaseAddress.ToString(),
                    ["TokenEndpoint"] = new Uri(_apaleo.BaseAddress, ApaleoSimulator.TokenPath).ToString(),
                    ["PropertyId"] = _apaleo.Scenario.PropertyId,
                    ["ClientId"] = ApaleoSimulatorOptions.DefaultClientId,
                    ["ClientSecret"] = ApaleoSimulatorOptions.DefaultClientSecret,
                },
                ["muc"] = new() { ["Vendor"] = "inmemory", ["PhoneRegion"] = "DE" },
            },
        };
        await File.WriteAllTextAsync(ConfigFile, JsonSerializer.Serialize(config), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _apaleo.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Guests_sync_dry_run_prints_what_would_change_and_writes_nothing_then_a_real_run_stores_the_golden_record()
    {
        var email = _apaleo.Scenario.KnownGuest.Email;
        var dryConsole = new TestConsole();
        dryConsole.Profile.Width = 250;

        var dryExit = await HotelPmsCli.RunAsync(["guests", "sync", "--config", ConfigFile, "--store", StoreFile, "--email", email, "--dry-run"], dryConsole);

        Assert.Equal(HotelPmsCli.Success, dryExit);
        Assert.Contains("dry run", dryConsole.Output, StringComparison.Ordinal);
        Assert.Contains("Created", dryConsole.Output, StringComparison.Ordinal);
        Assert.Contains("does not support UpsertGuest", dryConsole.Output, StringComparison.Ordinal);
        Assert.Null(await new SqliteGoldenGuestStore(StoreFile).FindAsync(email, null, TestContext.Current.CancellationToken));

        var console = new TestConsole();
        console.Profile.Width = 250;
        var exit = await HotelPmsCli.RunAsync(["guests", "sync", "--config", ConfigFile, "--store", StoreFile, "--email", email], console);

        Assert.Equal(HotelPmsCli.Success, exit);
        Assert.DoesNotContain("dry run", console.Output, StringComparison.Ordinal);
        var golden = await new SqliteGoldenGuestStore(StoreFile).FindAsync(email, null, TestContext.Current.CancellationToken);
        Assert.NotNull(golden);
        Assert.Equal(_apaleo.Scenario.KnownGuest.LastName, golden[GuestField.LastName]);
    }

    [Fact]
    public async Task Guests_sync_all_dry_run_lists_every_guest_then_a_checkpointed_run_syncs_them_and_a_rerun_skips_them()
    {
        var email = _apaleo.Scenario.KnownGuest.Email;
        string[] all = ["guests", "sync", "--config", ConfigFile, "--store", StoreFile, "--all", "--since", "2000-01-01"];
        var dryConsole = new TestConsole();
        dryConsole.Profile.Width = 250;

        var dryExit = await HotelPmsCli.RunAsync([.. all, "--dry-run"], dryConsole);

        Assert.Equal(HotelPmsCli.Success, dryExit);
        Assert.Contains("dry run: nothing written", dryConsole.Output, StringComparison.Ordinal);
        Assert.Matches(@"(\d+) guests: \1 synced, 0 failed", dryConsole.Output);
        Assert.Null(await new SqliteGoldenGuestStore(StoreFile).FindAsync(email, null, TestContext.Current.CancellationToken));

        var checkpoint = Path.Combine(_folder, "guests.checkpoint");
        var console = new TestConsole();
        console.Profile.Width = 250;
        var exit = await HotelPmsCli.RunAsync([.. all, "--checkpoint", checkpoint], console);

        Assert.Equal(HotelPmsCli.Success, exit);
        Assert.NotNull(await new SqliteGoldenGuestStore(StoreFile).FindAsync(email, null, TestContext.Current.CancellationToken));

        var rerun = new TestConsole();
        rerun.Profile.Width = 250;
        Assert.Equal(HotelPmsCli.Success, await HotelPmsCli.RunAsync([.. all, "--checkpoint", checkpoint], rerun));
        Assert.Contains("done earlier", rerun.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--email", "ada@example.com")]
    [InlineData("--checkpoint", "guests.checkpoint")]
    public async Task Guests_sync_all_with_a_guest_key_or_a_checkpointed_dry_run_is_a_usage_error(string option, string value)
    {
        var console = new TestConsole();

        var exit = await HotelPmsCli.RunAsync(["guests", "sync", "--config", ConfigFile, "--all", "--dry-run", option, value], console);

        Assert.Equal(HotelPmsCli.Usage, exit);
    }

    [Fact]
    public async Task Guests_sync_without_an_e_mail_or_phone_is_a_usage_error()
    {
        var console = new TestConsole();

        var exit = await HotelPmsCli.RunAsync(["guests", "sync", "--config", ConfigFile], console);

        Assert.Equal(HotelPmsCli.Usage, exit);
        Assert.Contains("--email or --phone", console.Output, StringComparison.Ordinal);
    }
}
