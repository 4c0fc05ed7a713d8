using HotelPlatform.Connectors.Webhooks.PostgreSql;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Npgsql;

namespace HotelPlatform.Connectors.Webhooks.Tests.Inbox;

/// <summary>The inbox contract on PostgreSQL, one fresh schema per test; skipped with the reason when no server is reachable.</summary>
public sealed class PostgreSqlInboxTests : InboxStoreContract, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<IPmsEventInbox> CreateInboxAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await PostgreSqlServer.CreateSchemaAsync());
        _dataSources.Add(dataSource);
        return new PostgreSqlPmsEventInbox(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
