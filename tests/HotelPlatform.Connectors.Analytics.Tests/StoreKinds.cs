using HotelPlatform.Connectors.Analytics.PostgreSql;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Npgsql;

namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>The store suite on the embedded DuckDB store, plus what only a file store has.</summary>
public sealed class DuckDbStoreTests : ConversationStoreTests
{
    [Fact]
    public async Task A_file_store_keeps_its_events_across_instances()
    {
        string path = Path.Combine(Path.GetTempPath(), $"analytics-{Guid.NewGuid():N}.duckdb");
        try
        {
            var call = new Conversation("c1", "berlin", Monday);
            var started = call.Started();
            using (var store = new DuckDbConversationEventStore(path))
            {
                await store.AppendAsync([started], Ct);
            }

            using var reopened = new DuckDbConversationEventStore(path);
            Assert.Empty(await reopened.AppendAsync([started], Ct));
            Assert.Equal(1, (await reopened.GetConversationMetricsAsync(AnalyticsFilter.All, Ct)).Calls);
        }
        finally
        {
            File.Delete(path);
        }
    }

    protected override Task<ConversationEventStore> NewStoreAsync() => Task.FromResult<ConversationEventStore>(new DuckDbConversationEventStore());
}

/// <summary>
/// The store suite on PostgreSQL: each test in a schema of its own on the server in <c>HOTELPLATFORM_TEST_POSTGRES</c>
/// (<c>.ci/run</c> starts one); skipped, saying why, without it.
/// </summary>
public sealed class PostgreSqlStoreTests : ConversationStoreTests, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    [Fact]
    public async Task Two_hosts_sharing_one_database_store_each_event_once()
    {
        var connectionString = await PostgreSqlServer.CreateSchemaAsync();
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);
        using var hostA = new PostgreSqlConversationEventStore(first);
        using var hostB = new PostgreSqlConversationEventStore(second);
        var calls = Enumerable.Range(0, 50).Select(i => new Conversation($"c{i}", "berlin", Monday.AddMinutes(i))).ToList();
        var events = calls.SelectMany(c => new[] { c.Started(), c.Booked(30), c.Ended(60) }).ToList();

        var stored = await Task.WhenAll(hostA.AppendAsync(events, Ct), hostB.AppendAsync(events, Ct), hostA.AppendAsync(events.AsEnumerable().Reverse(), Ct));

        Assert.Equal(events.Count, stored.Sum(s => s.Count));
        var metrics = await hostB.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);
        Assert.Equal((50L, 50L), (metrics.Calls, metrics.Completed));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }

    protected override async Task<ConversationEventStore> NewStoreAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await PostgreSqlServer.CreateSchemaAsync());
        _dataSources.Add(dataSource);
        return new PostgreSqlConversationEventStore(dataSource);
    }
}
