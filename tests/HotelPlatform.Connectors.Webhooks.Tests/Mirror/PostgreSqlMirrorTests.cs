using HotelPlatform.Connectors.Mirror;
using HotelPlatform.Connectors.Mirror.PostgreSql;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Npgsql;

namespace HotelPlatform.Connectors.Webhooks.Tests.Mirror;

/// <summary>The mirror contract on PostgreSQL, one fresh schema per test; skipped with the reason when no server is reachable.</summary>
public sealed class PostgreSqlMirrorTests : MirrorStoreContract, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<IPmsReservationMirror> CreateMirrorAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await PostgreSqlServer.CreateSchemaAsync());
        _dataSources.Add(dataSource);
        return new PostgreSqlPmsReservationMirror(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
