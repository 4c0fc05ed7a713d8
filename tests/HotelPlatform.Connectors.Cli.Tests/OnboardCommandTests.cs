using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Cli.Commands.Onboard;
using HotelPlatform.Connectors.Simulators;
using Spectre.Console.Testing;
using Xunit;

namespace HotelPlatform.Connectors.Cli.Tests;

/// <summary><c>hotelpms onboard</c> end to end against each vendor's simulator on loopback.</summary>
public sealed class OnboardCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hotelpms-onboard-").FullName;

    private string Output => Path.Combine(_directory, "appsettings.json");

    private string Report => Path.Combine(_directory, "report.md");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(VendorSimulatorHotel.AllVendors), MemberType = typeof(VendorSimulatorHotel))]
    public async Task Onboarding_a_simulated_hotel_writes_its_section_into_the_existing_file_without_secrets_and_a_report(string vendor)
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(vendor, token);
        await File.WriteAllTextAsync(Output, """{ "Logging": { "LogLevel": { "Default": "Warning" } }, "Hotels": { "existing": { "Vendor": "inmemory", "PropertyId": "OLD" } } }""", token);
        var json = await hotel.WriteJsonAsync(_directory, token);

        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", vendor, "--hotel", "new-hotel", "--json", json, "--output", Output, "--report", Report);

        Assert.True(exit == HotelPmsCli.Success, output);
        var root = JsonNode.Parse(await File.ReadAllTextAsync(Output, token))!;
        Assert.Equal("Warning", (string?)root["Logging"]!["LogLevel"]!["Default"]);
        Assert.Equal("OLD", (string?)root["Hotels"]!["existing"]!["PropertyId"]);
        var section = root["Hotels"]!["new-hotel"]!.AsObject();
        Assert.Equal(vendor, (string?)section["Vendor"]);
        Assert.Equal(hotel.Settings["PropertyId"], section["PropertyId"]!.ToString());
        Assert.False(section.ContainsKey(hotel.CredentialKey), $"{hotel.CredentialKey} was written without --write-secrets");
        var report = await File.ReadAllTextAsync(Report, token);
        Assert.Contains(vendor == PmsVendors.SiteMinder ? "| Property read | Skipped |" : "| Property read | Passed |", report, StringComparison.Ordinal);
        Assert.Matches(@"\| Unknown reservation is not found \| (Passed|Skipped) \|", report);
        Assert.Contains("ready: configuration written", report, StringComparison.Ordinal);
        Assert.DoesNotContain("| Failed |", report, StringComparison.Ordinal);
        foreach (var secret in hotel.SecretValues)
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, report, StringComparison.Ordinal);
        }

        // Read-only: the run created no reservation on the hotel.
        Assert.DoesNotContain(hotel.Simulator.Requests.Snapshot(), r => IsWrite(vendor, r));
    }

    [Theory]
    [MemberData(nameof(VendorSimulatorHotel.AllVendors), MemberType = typeof(VendorSimulatorHotel))]
    public async Task Onboarding_with_wrong_credentials_says_so_in_one_line_and_writes_no_configuration(string vendor)
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(vendor, token);
        var json = await hotel.WriteJsonAsync(_directory, token);

        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", vendor, "--hotel", "new-hotel", "--json", json, "--set", $"{hotel.CredentialKey}=not-the-right-one-0000000000000000", "--output", Output);

        Assert.True(exit == OnboardCommand.WrongCredentials, output);
        Assert.Contains("wrong credentials", output, StringComparison.Ordinal);
        Assert.Contains("No configuration written.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-right-one", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task Onboarding_a_hotel_whose_quota_is_exhausted_stops_with_the_quota_message_and_writes_no_configuration()
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(PmsVendors.Apaleo, token);
        hotel.Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromHours(1)), pathPattern: "/inventory/**", times: null);
        var json = await hotel.WriteJsonAsync(_directory, token);

        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", "apaleo", "--hotel", "new-hotel", "--json", json, "--output", Output);

        Assert.True(exit == OnboardCommand.QuotaExhausted, output);
        Assert.Contains("quota exhausted", output, StringComparison.Ordinal);
        Assert.Contains("No configuration written.", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task Onboarding_an_unknown_pms_names_the_known_ones_and_writes_no_configuration()
    {
        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", "protel", "--hotel", "new-hotel", "--set", "PropertyId=X", "--output", Output);

        Assert.True(exit == OnboardCommand.UnknownPms, output);
        Assert.Contains("unknown PMS 'protel'", output, StringComparison.Ordinal);
        Assert.Contains("apaleo, cloudbeds, inmemory, mews, opera, siteminder", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task Onboarding_settings_that_identify_no_pms_is_an_unknown_pms()
    {
        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--hotel", "new-hotel", "--set", "PropertyId=X", "--set", "Username=someone", "--output", Output);

        Assert.True(exit == OnboardCommand.UnknownPms, output);
        Assert.Contains("pass --vendor", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task Onboarding_settings_the_host_would_refuse_lists_the_problems_and_writes_no_configuration()
    {
        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", "apaleo", "--hotel", "new-hotel", "--set", "PropertyId=MUC", "--set", "ClientSecert=typo", "--output", Output);

        Assert.True(exit == OnboardCommand.InvalidConfiguration, output);
        Assert.Contains("ClientSecert", output, StringComparison.Ordinal);
        Assert.Contains("ClientId", output, StringComparison.Ordinal);
        Assert.DoesNotContain("typo", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Theory]
    [MemberData(nameof(VendorSimulatorHotel.AllVendors), MemberType = typeof(VendorSimulatorHotel))]
    public async Task Onboarding_without_a_vendor_detects_it_from_the_credentials(string vendor)
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(vendor, token);
        var json = await hotel.WriteJsonAsync(_directory, token);

        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--hotel", "new-hotel", "--json", json, "--output", Output, "--write-secrets");

        Assert.True(exit == HotelPmsCli.Success, output);
        Assert.Contains($"Detected {vendor}", output, StringComparison.Ordinal);
        var section = JsonNode.Parse(await File.ReadAllTextAsync(Output, token))!["Hotels"]!["new-hotel"]!;
        Assert.Equal(vendor, (string?)section["Vendor"]);
        Assert.Equal(hotel.Settings[hotel.CredentialKey], section[hotel.CredentialKey]!.ToString());
    }

    [Theory]
    [InlineData("https://api.apaleo.com/", "apaleo")]
    [InlineData("https://api.mews-demo.com/", "mews")]
    [InlineData("https://api.cloudbeds.com/", "cloudbeds")]
    [InlineData("https://cmtpi.siteminder.com/siteconnect", "siteminder")]
    public async Task The_pms_is_detected_from_a_documented_base_address(string address, string vendor)
    {
        var detected = await PmsDetection.DetectAsync(new Dictionary<string, string?> { ["BaseAddress"] = address }, probe: null, TestContext.Current.CancellationToken);

        Assert.Equal(vendor, detected?.Vendor);
    }

    [Fact]
    public async Task Interactive_onboarding_asks_for_what_is_missing_and_onboards_the_hotel()
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(PmsVendors.Apaleo, token);
        var json = await hotel.WriteJsonAsync(_directory, token, "ClientId", "ClientSecret");
        var console = new TestConsole().Interactive();
        console.Profile.Width = 250;
        console.Input.PushTextWithEnter("bad id!");
        console.Input.PushTextWithEnter("munich");
        console.Input.PushTextWithEnter("protel");
        console.Input.PushTextWithEnter("apaleo");
        console.Input.PushKey(ConsoleKey.Enter); // PropertyId: the file's value is the default
        console.Input.PushTextWithEnter(hotel.Settings["ClientId"]!);
        console.Input.PushTextWithEnter(hotel.Settings["ClientSecret"]!);
        console.Input.PushKey(ConsoleKey.Enter); // BaseAddress: the file's
        console.Input.PushKey(ConsoleKey.Enter); // TokenEndpoint: the file's

        var exit = await HotelPmsCli.RunAsync(["onboard", "--json", json, "--output", Output], console);

        Assert.True(exit == HotelPmsCli.Success, console.Output);
        Assert.Contains("letters, digits", console.Output, StringComparison.Ordinal);
        Assert.Contains("Please select one of the available options", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(hotel.Settings["ClientSecret"]!, console.Output, StringComparison.Ordinal);
        Assert.Equal("apaleo", (string?)JsonNode.Parse(await File.ReadAllTextAsync(Output, token))!["Hotels"]!["munich"]!["Vendor"]);
    }

    // Mews' Connector API and SiteMinder's SOAP endpoint read with POST: their writes are told by the operation in the path.
    private static bool IsWrite(string vendor, RecordedRequest request) =>
        request.Method is "PUT" or "PATCH" or "DELETE"
        || (request.Method == "POST" && (vendor is PmsVendors.Mews or PmsVendors.SiteMinder
            ? WriteOperations.Any(w => request.Path.Contains(w, StringComparison.OrdinalIgnoreCase))
            : !request.Path.Contains("token", StringComparison.OrdinalIgnoreCase) && !request.Path.Contains("auth", StringComparison.OrdinalIgnoreCase)));

    private static readonly string[] WriteOperations = ["/add", "/cancel", "/update", "/start", "/process", "/confirm", "Notif"];

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 250;
        var exit = await HotelPmsCli.RunAsync(args, console);
        return (exit, console.Output);
    }
}
