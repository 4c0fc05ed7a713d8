using HotelPlatform.Connectors.Webhooks.Sqlite;
using Microsoft.Data.Sqlite;

namespace HotelPlatform.Connectors.Webhooks.Tests.Inbox;

/// <summary>The inbox contract on the embedded SQLite store, one fresh file per test.</summary>
public sealed class SqliteInboxTests : InboxStoreContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pms-inbox-");

    protected override Task<IPmsEventInbox> CreateInboxAsync() =>
        Task.FromResult<IPmsEventInbox>(new SqlitePmsEventInbox(Path.Combine(_folder.FullName, "inbox.db")));

    [Fact]
    public async Task The_file_is_in_wal_mode_with_full_synchronous_commits()
    {
        var path = Path.Combine(_folder.FullName, "inbox.db");
        await new SqlitePmsEventInbox(path).AppendAsync([Record("E1")], null, Ct);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
