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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
