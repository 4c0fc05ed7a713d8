using HotelPlatform.Connectors.GuestSync.PostgreSql;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Npgsql;

namespace HotelPlatform.Connectors.GuestSync.Tests.Storage;

/// <summary>The store contract on the embedded SQLite store: two store instances on one file, as two processes.</summary>
public sealed class SqliteGoldenGuestStoreTests : GoldenGuestStoreContract
{
    protected override Task<(IGoldenGuestStore First, IGoldenGuestStore Second)> NewHostsAsync()
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        return Task.FromResult<(IGoldenGuestStore, IGoldenGuestStore)>((new SqliteGoldenGuestStore(path), new SqliteGoldenGuestStore(path)));
    }
}

/// <summary>
/// The store contract on PostgreSQL: each test in a schema of its own on the server in <c>HOTELPLATFORM_TEST_POSTGRES</c>
/// (<c>.ci/run</c> starts one), two data sources as two hosts; skipped, saying why, without a server.
/// </summary>
public sealed class PostgreSqlGoldenGuestStoreTests : GoldenGuestStoreContract, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<(IGoldenGuestStore First, IGoldenGuestStore Second)> NewHostsAsync()
    {
        var connectionString = await PostgreSqlServer.CreateSchemaAsync();
        var first = NpgsqlDataSource.Create(connectionString);
        var second = NpgsqlDataSource.Create(connectionString);
        _dataSources.AddRange([first, second]);
        return (new PostgreSqlGoldenGuestStore(first), new PostgreSqlGoldenGuestStore(second));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
