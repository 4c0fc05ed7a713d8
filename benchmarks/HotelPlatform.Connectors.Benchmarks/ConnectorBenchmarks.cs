using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HotelPlatform.Connectors.Apaleo.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Benchmarks;

/// <summary>
/// What a consumer pays for the SDK end to end: <see cref="IPmsConnector.GetReservationAsync"/> of the registered Apaleo
/// connector (telemetry layer, operation intent, pipeline with token, account limiter, resilience and classifier, Refit,
/// source-generated JSON, mapping to the normalised model) against a bare <see cref="HttpClient"/> that reads the same
/// payload with System.Text.Json into the same source-generated wire model; and a 10-page reservation listing both ways.
/// The difference is what the SDK adds: telemetry, intent, pipeline, Refit and the mapping to the normalised model.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConnectorBenchmarks
{
    private const int Pages = 10;
    private const int PageSize = 20;

    private LoopbackServer _server = null!;
    private HttpClient _bare = null!;
    private ServiceProvider _services = null!;

    internal ServiceProvider Services => _services;
    private IPmsConnector _connector = null!;
    private ActivityListener _listener = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var property = Encoding.UTF8.GetBytes("""{"id":"MUC","code":"MUC","name":{"en":"Hotel Munich"},"companyName":"Hotel Munich GmbH","timeZone":"Europe/Berlin","currencyCode":"EUR","status":"Live","isArchived":false}""");
        var reservation = Encoding.UTF8.GetBytes(ReservationJson("MUCBENCH-1"));
        var page = Encoding.UTF8.GetBytes($$"""{"reservations":[{{string.Join(',', Enumerable.Range(1, PageSize).Select(i => ReservationJson(string.Create(CultureInfo.InvariantCulture, $"MUCBENCH-{i}"))))}}],"count":{{PageSize}}}""");
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/inventory/v1/properties/MUC", context => Write(context, property));
            app.MapGet("/booking/v1/reservations/{id}", context => Write(context, reservation));
            app.MapGet("/booking/v1/reservations", context =>
            {
                var number = int.Parse(context.Request.Query["pageNumber"].ToString(), CultureInfo.InvariantCulture);
                if (number > Pages)
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return Task.CompletedTask;
                }

                return Write(context, page);
            });
        });
        _bare = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPmsConnectors().AddApaleo("bench", o =>
        {
            o.PropertyId = "MUC";
            o.ClientId = "bench-client";
            o.ClientSecret = "bench-secret";
            o.BaseAddress = _server.BaseAddress;
            o.TokenEndpoint = new Uri(_server.BaseAddress, "connect/token");
            o.WebhookAddress = _server.BaseAddress;

            // No proactive pacing: one benchmark thread sends far more than Apaleo's quota, and pacing would measure waits.
            // The account backoff and the rest of the pipeline still run (PipelineOverheadBenchmarks measures the limiter).
            o.RequestsPerSecond = 0;
        });
        _services = services.BuildServiceProvider();
        _connector = _services.GetRequiredKeyedService<IPmsConnector>("bench");

        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("HotelPlatform.Connectors", StringComparison.Ordinal) || source.Name.StartsWith("System.Net.Http", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);

        // Warm both paths (connections, token, property) outside the measurement.
        await BareGetReservation();
        await ConnectorGetReservation();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _listener.Dispose();
        _bare.Dispose();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "GetReservation: bare HttpClient + STJ")]
    [BenchmarkCategory("GetReservation")]
    public async Task<string> BareGetReservation()
    {
        using var response = await _bare.GetAsync("booking/v1/reservations/MUCBENCH-1?expand=timeSlices,services");
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var model = await JsonSerializer.DeserializeAsync(body, ApaleoJsonContext.Default.ReservationModel);
        return model!.Id;
    }

    [Benchmark(Description = "GetReservation: Apaleo connector")]
    [BenchmarkCategory("GetReservation")]
    public async Task<string> ConnectorGetReservation() => (await _connector.GetReservationAsync("MUCBENCH-1")).VendorId;

    [Benchmark(Baseline = true, Description = "10 pages: bare HttpClient + STJ")]
    [BenchmarkCategory("GetReservations")]
    public async Task<int> BareListTenPages()
    {
        var count = 0;
        for (var number = 1; ; number++)
        {
            using var response = await _bare.GetAsync(string.Create(CultureInfo.InvariantCulture, $"booking/v1/reservations?propertyIds=MUC&dateFilter=Modification&from=2025-01-01T00:00:00Z&pageNumber={number}&pageSize={PageSize}&sort=id:asc&expand=services"));
            if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
            {
                return count;
            }

            await using var body = await response.Content.ReadAsStreamAsync();
            count += (await JsonSerializer.DeserializeAsync(body, ApaleoJsonContext.Default.ReservationListModel))!.Reservations.Count;
        }
    }

    [Benchmark(Description = "10 pages: Apaleo connector")]
    [BenchmarkCategory("GetReservations")]
    public async Task<int> ConnectorListTenPages()
    {
        var count = 0;
        await foreach (var _ in _connector.GetReservationsAsync(ReservationQuery.ChangedSince(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)) with { PageSize = PageSize }))
        {
            count++;
        }

        return count;
    }

    private static async Task Write(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(body);
    }

    private static string ReservationJson(string id)
    {
        var slices = string.Join(',', Enumerable.Range(0, 2).Select(n => string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"from":"2025-03-{{{12 + n}}}T15:00:00+01:00","to":"2025-03-{{{13 + n}}}T11:00:00+01:00","serviceDate":"2025-03-{{{12 + n}}}","ratePlan":{"id":"MUC-FLEX-DBL","isSubjectToCityTax":false},"unitGroup":{"id":"MUC-DBL"},"totalGrossAmount":{"amount":120.0,"currency":"EUR"}}""")));
        return $$"""
            {"id":"{{id}}","bookingId":"MUCBENCH","status":"Confirmed","property":{"id":"MUC"},
             "ratePlan":{"id":"MUC-FLEX-DBL","name":"Flexible","isSubjectToCityTax":false},"unitGroup":{"id":"MUC-DBL","name":"Double"},
             "totalGrossAmount":{"amount":240.0,"currency":"EUR"},"arrival":"2025-03-12T15:00:00+01:00","departure":"2025-03-14T11:00:00+01:00",
             "created":"2025-03-01T09:30:00Z","modified":"2025-03-01T09:30:00Z","adults":2,"channelCode":"Direct",
             "primaryGuest":{"firstName":"Erika","lastName":"Musterfrau","email":"erika@example.com"},
             "timeSlices":[{{slices}}],"services":[]}
            """;
    }
}
