using System.Text;
using BenchmarkDotNet.Attributes;
using HotelPlatform.Connectors.Apaleo;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Webhooks;
using HotelPlatform.Connectors.Webhooks.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Webhooks.Benchmarks;

/// <summary>
/// Verified, committed webhook deliveries per second: <see cref="Concurrency"/> Apaleo deliveries at once, each
/// verified (URL secret, constant time) and parsed by Apaleo's handler and committed to the inbox before its answer
/// (group commit: concurrent deliveries share a transaction, none is answered before its own commit). The HTTP server
/// in front is left out; what is measured is what <c>MapPmsWebhooks</c> does per delivery. SQLite runs with WAL and
/// <c>synchronous=FULL</c>; PostgreSQL with its defaults (<c>fsync</c>, <c>synchronous_commit = on</c>), at
/// <c>HOTELPLATFORM_BENCH_POSTGRES</c> or <c>HOTELPLATFORM_TEST_POSTGRES</c>.
/// </summary>
[MemoryDiagnoser]
public class WebhookInboxBenchmarks
{
    private const int Concurrency = 256;
    private const string Secret = "0123456789abcdef-webhook-secret";
    private ServiceProvider _services = null!;
    private PmsWebhookReceiver _receiver = null!;
    private string? _folder;
    private long _next;

    [Params("sqlite", "postgresql")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPmsConnectors().AddApaleo("muc", o =>
        {
            (o.PropertyId, o.ClientId, o.ClientSecret) = ("MUC", "bench-client", "bench-secret");
            o.Webhook.UrlSecret = Secret;
        });
        var webhooks = services.AddPmsWebhooks(o => (o.DispatchEnabled, o.PollingEnabled, o.ReconciliationInterval) = (false, false, null));
        if (Store == "sqlite")
        {
            _folder = Directory.CreateTempSubdirectory("pms-inbox-bench-").FullName;
            webhooks.UseSqlite(Path.Combine(_folder, "inbox.db"));
        }
        else
        {
            var connectionString = Environment.GetEnvironmentVariable("HOTELPLATFORM_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("HOTELPLATFORM_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set HOTELPLATFORM_BENCH_POSTGRES to a PostgreSQL connection string.");
            webhooks.UsePostgreSql(connectionString);
        }

        _services = services.BuildServiceProvider();
        _receiver = _services.GetRequiredService<PmsWebhookReceiver>();
        if (Store != "sqlite")
        {
            // A clean table per run: earlier runs' rows would make each insert's index work grow from run to run.
            using var command = _services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand("DROP TABLE IF EXISTS pms_inbox; DROP TABLE IF EXISTS pms_inbox_checkpoints;");
            command.ExecuteNonQuery();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>One operation is one delivery; each invocation runs <see cref="Concurrency"/> of them at once.</summary>
    [Benchmark(OperationsPerInvoke = Concurrency)]
    public async Task VerifiedCommittedDelivery()
    {
        var deliveries = new Task[Concurrency];
        for (var i = 0; i < Concurrency; i++)
        {
            deliveries[i] = DeliverAsync(Interlocked.Increment(ref _next));
        }

        await Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(long n)
    {
        var body = $$$"""{"topic":"Reservation","type":"changed","id":"bench-{{{n}}}","accountId":"DEMO","propertyId":"MUC","timestamp":1741600800000,"data":{"entityId":"R{{{n % 1000}}}"}}""";
        var request = new PmsWebhookRequest
        {
            HotelId = "muc",
            Method = "POST",
            Path = "/webhooks/muc",
            QueryString = "?token=" + Secret,
            Body = Encoding.UTF8.GetBytes(body),
            ContentType = "application/json",
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        await Task.Yield();
        var receipt = await _receiver.ReceiveAsync(request, CancellationToken.None);
        if (receipt.StatusCode != 204 || receipt.Stored != 1)
        {
            throw new InvalidOperationException($"Delivery {n} answered {receipt.StatusCode} with {receipt.Stored} stored.");
        }
    }
}
