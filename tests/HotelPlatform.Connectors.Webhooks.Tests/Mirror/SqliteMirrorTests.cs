using HotelPlatform.Connectors.Mirror;
using HotelPlatform.Connectors.Mirror.Sqlite;
using Microsoft.Data.Sqlite;

namespace HotelPlatform.Connectors.Webhooks.Tests.Mirror;

/// <summary>The mirror contract on the embedded SQLite store, one fresh file per test.</summary>
public sealed class SqliteMirrorTests : MirrorStoreContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pms-mirror-");

    protected override Task<IPmsReservationMirror> CreateMirrorAsync() =>
        Task.FromResult<IPmsReservationMirror>(new SqlitePmsReservationMirror(Path.Combine(_folder.FullName, "mirror.db")));

    [Fact]
    public async Task The_file_is_in_wal_mode_once_the_mirror_is_first_used()
    {
        var path = Path.Combine(_folder.FullName, "mirror.db");
        await new SqlitePmsReservationMirror(path).ApplyAsync(Update(Stay("R1", T0)), Ct);

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
