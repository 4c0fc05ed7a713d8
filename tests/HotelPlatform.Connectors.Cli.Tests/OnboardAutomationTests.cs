using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Cli.Commands.Onboard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Testing;
using UglyToad.PdfPig;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using Xunit;

namespace HotelPlatform.Connectors.Cli.Tests;

/// <summary>
/// <c>hotelpms onboard</c>'s detection by probing, <c>--full</c> on a test property, the PDF report and
/// <c>--simulator</c>, against each vendor's simulator on loopback and WireMock for servers that are no PMS.
/// </summary>
public sealed class OnboardAutomationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hotelpms-onboard-auto-").FullName;

    private string Output => Path.Combine(_directory, "appsettings.json");

    private string Report => Path.Combine(_directory, "report.md");

    public static TheoryData<string> BookingVendors => [PmsVendors.Apaleo, PmsVendors.Cloudbeds, PmsVendors.Mews, PmsVendors.Opera];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(VendorSimulatorHotel.AllVendors), MemberType = typeof(VendorSimulatorHotel))]
    public async Task A_base_address_on_an_unknown_host_is_told_by_probing_the_vendors_documented_endpoints(string vendor)
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(vendor, token);
        using var probe = new DocumentedEndpointProbe();

        var detected = await PmsDetection.DetectAsync(new Dictionary<string, string?> { ["BaseAddress"] = hotel.Settings["BaseAddress"] }, probe, token);

        Assert.Equal(vendor, detected?.Vendor);
        Assert.StartsWith("probe of 127.0.0.1", detected!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_answers_a_documented_path_as_the_vendor_documents_and_others_with_404_is_detected()
    {
        using var server = StartWireMock();
        server.Given(Request.Create().WithPath("/inventory/v1/properties").UsingGet()).RespondWith(Response.Create().WithStatusCode(401));
        server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(Response.Create().WithStatusCode(404));
        using var probe = new DocumentedEndpointProbe();

        var detected = await PmsDetection.DetectAsync(new Dictionary<string, string?> { ["BaseAddress"] = server.Url + "/" }, probe, TestContext.Current.CancellationToken);

        Assert.Equal(PmsVendors.Apaleo, detected?.Vendor);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(400)]
    public async Task A_server_that_answers_every_request_alike_is_no_pms_and_onboarding_ends_as_unknown(int status)
    {
        using var server = StartWireMock();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status).WithBody("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"/>"));

        // A generous probe timeout: on a busy machine a probe that times out would also end as unknown, for another reason.
        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--hotel", "new-hotel", "--set", "PropertyId=X", "--set", $"BaseAddress={server.Url}/", "--probe-timeout", "120", "--output", Output);

        Assert.True(exit == OnboardCommand.UnknownPms, output);
        Assert.Contains("pass --vendor", output, StringComparison.Ordinal);
        Assert.NotEmpty(server.LogEntries);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task A_base_address_where_nothing_listens_detects_nothing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var probe = new DocumentedEndpointProbe();

        var detected = await PmsDetection.DetectAsync(new Dictionary<string, string?> { ["BaseAddress"] = $"http://127.0.0.1:{port}/" }, probe, TestContext.Current.CancellationToken);

        Assert.Null(detected);
    }

    [Theory]
    [MemberData(nameof(BookingVendors))]
    public async Task A_full_run_on_a_confirmed_test_property_books_modifies_and_cancels_and_leaves_nothing_booked(string vendor)
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(vendor, token);
        var json = await hotel.WriteJsonAsync(_directory, token);

        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", vendor, "--hotel", "test-hotel", "--json", json, "--output", Output, "--report", Report, "--full", "--test-property", hotel.Settings["PropertyId"]!);

        Assert.True(exit == HotelPmsCli.Success, output + (File.Exists(Report) ? await File.ReadAllTextAsync(Report, token) : string.Empty));
        var report = await File.ReadAllTextAsync(Report, token);
        Assert.Contains("| Full run: book | Passed |", report, StringComparison.Ordinal);
        Assert.Contains("| Full run: read back | Passed |", report, StringComparison.Ordinal);
        Assert.Matches(@"\| Full run: modify \| (Passed|Skipped) \|", report);
        Assert.Contains("| Full run: cancel | Passed |", report, StringComparison.Ordinal);
        Assert.Contains("| Full run: nothing left behind | Passed | 1 created, all cancelled |", report, StringComparison.Ordinal);
        Assert.Contains("1 reservation(s) booked, 1 cancelled at the end", report, StringComparison.Ordinal);

        // The simulator itself holds no live booking of the run: every kit booking it was sent is cancelled.
        var section = JsonNode.Parse(await File.ReadAllTextAsync(Output, token))!["Hotels"]!["test-hotel"]!.AsObject();
        Assert.Equal(vendor, (string?)section["Vendor"]);
        await using var services = Hotels.HotelConnectors.Build(new ConfigurationBuilder().AddInMemoryCollection(hotel.Settings.Select(s => KeyValuePair.Create($"test-hotel:{s.Key}", s.Value)).Append(KeyValuePair.Create("test-hotel:Vendor", (string?)vendor))).Build());
        var connector = services.GetRequiredService<IPmsConnectorRegistry>().Get("test-hotel");
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(OnboardingFullRun.FirstNightOffset);
        for (var night = first; night < first.AddDays(OnboardingFullRun.NightsTried); night = night.AddDays(1))
        {
            await foreach (var reservation in connector.GetReservationsAsync(ReservationQuery.Arrivals(night), token))
            {
                Assert.False(reservation.ClientReference?.StartsWith("kit-", StringComparison.Ordinal) == true && reservation.Status != ReservationStatus.Cancelled, $"{reservation.VendorId} is still {reservation.Status}");
            }
        }
    }

    [Fact]
    public async Task A_full_run_on_a_pms_that_cannot_book_is_skipped_with_the_reason()
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(PmsVendors.SiteMinder, token);
        var json = await hotel.WriteJsonAsync(_directory, token);

        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", "siteminder", "--hotel", "test-hotel", "--json", json, "--output", Output, "--report", Report, "--full", "--test-property", hotel.Settings["PropertyId"]!);

        Assert.True(exit == HotelPmsCli.Success, output);
        Assert.Contains("| Full run: booking areas | Skipped | siteminder does not create and cancel reservations", await File.ReadAllTextAsync(Report, token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ANOTHER-PROPERTY")]
    public async Task A_full_run_without_confirming_the_hotels_property_as_a_test_property_is_refused_before_any_request(string? confirmed)
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(PmsVendors.Apaleo, token);
        var json = await hotel.WriteJsonAsync(_directory, token);
        string[] confirmation = confirmed is null ? [] : ["--test-property", confirmed];

        var (exit, output) = await RunAsync(["onboard", "--non-interactive", "--vendor", "apaleo", "--hotel", "test-hotel", "--json", json, "--output", Output, "--full", .. confirmation]);

        Assert.True(exit == OnboardCommand.FullRunRefused, output);
        Assert.Contains("runs only on a test property", output, StringComparison.Ordinal);
        Assert.Contains($"--test-property {hotel.Settings["PropertyId"]}", output, StringComparison.Ordinal);
        Assert.Empty(hotel.Simulator.Requests.Snapshot());
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task A_test_property_confirmation_without_a_full_run_is_a_malformed_command_line()
    {
        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", "apaleo", "--hotel", "h", "--test-property", "MUC", "--output", Output);

        Assert.True(exit == HotelPmsCli.Usage, output);
        Assert.Contains("--test-property confirms a --full run", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_report_is_a_pdf_whose_text_names_the_hotel_its_checks_and_the_verdict()
    {
        var token = TestContext.Current.CancellationToken;
        await using var hotel = await VendorSimulatorHotel.StartAsync(PmsVendors.Apaleo, token);
        var json = await hotel.WriteJsonAsync(_directory, token);

        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--vendor", "apaleo", "--hotel", "pdf-hotel", "--json", json, "--output", Output, "--report", Report);

        Assert.True(exit == HotelPmsCli.Success, output);
        var pdf = Path.ChangeExtension(Report, ".pdf");
        var bytes = await File.ReadAllBytesAsync(pdf, token);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var document = PdfDocument.Open(bytes);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("Onboarding report: pdf-hotel", text, StringComparison.Ordinal);
        Assert.Contains("Unknown reservation is not found", text, StringComparison.Ordinal);
        Assert.Contains("ready: configuration written", text, StringComparison.Ordinal);
        Assert.DoesNotContain(hotel.Settings["ClientSecret"]!, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(VendorSimulatorHotel.AllVendors), MemberType = typeof(VendorSimulatorHotel))]
    public async Task Onboarding_on_the_tools_own_simulator_needs_no_credentials_and_writes_an_embedded_hotel(string vendor)
    {
        var token = TestContext.Current.CancellationToken;

        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--simulator", vendor, "--output", Output, "--report", Report);

        Assert.True(exit == HotelPmsCli.Success, output);
        Assert.Contains($"Started the {vendor} simulator in this process", output, StringComparison.Ordinal);
        var section = JsonNode.Parse(await File.ReadAllTextAsync(Output, token))!["Hotels"]![$"{vendor}-simulator"]!.AsObject();
        Assert.Equal(vendor, (string?)section["Vendor"]);
        Assert.Equal("true", section["Embedded"]!.ToJsonString());
        Assert.Contains("ready: configuration written", await File.ReadAllTextAsync(Report, token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_simulator_for_a_pms_without_one_is_an_unknown_pms()
    {
        var (exit, output) = await RunAsync("onboard", "--non-interactive", "--simulator", "protel", "--output", Output);

        Assert.True(exit == OnboardCommand.UnknownPms, output);
        Assert.Contains("apaleo, cloudbeds, mews, opera, siteminder", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    private static WireMockServer StartWireMock()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 250;
        var exit = await HotelPmsCli.RunAsync(args, console);
        return (exit, console.Output);
    }
}
