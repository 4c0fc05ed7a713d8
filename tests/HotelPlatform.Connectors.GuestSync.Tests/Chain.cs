using HotelPlatform.Connectors.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.GuestSync.Tests;

/// <summary>A chain of in-memory hotels (each its own PMS), a SQLite golden store in a temp folder and a fake clock.</summary>
internal sealed class Chain : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("guestsync-").FullName;

    public Chain(params string[] hotelIds)
    {
        foreach (var id in hotelIds)
        {
            Pms[id] = InMemoryPms.CreateDemo(Clock);
            Connectors[id] = new InMemoryPmsConnector(Pms[id]);
        }

        Store = new SqliteGoldenGuestStore(Path.Combine(_folder, "golden.db"));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public Dictionary<string, InMemoryPms> Pms { get; } = [];

    public Dictionary<string, IPmsConnector> Connectors { get; } = [];

    public SqliteGoldenGuestStore Store { get; }

    public string DatabasePath => Path.Combine(_folder, "golden.db");

    public string Folder => _folder;

    public GuestSyncService Service(GuestSyncPolicy? policy = null, IEnumerable<GuestSyncHotel>? extra = null) =>
        new([.. Connectors.Select(c => new GuestSyncHotel(c.Key, c.Value, "DE")), .. extra ?? []], Store, policy, Clock);

    public async Task<GuestProfile> SeedAsync(string hotelId, GuestProfile profile) =>
        await Connectors[hotelId].UpsertGuestAsync(profile, TestContext.Current.CancellationToken);

    public GuestProfile Guest(string hotelId, string vendorId) => Pms[hotelId].Guests.Single(g => g.VendorId == vendorId);

    public int Writes(string hotelId) => Pms[hotelId].Operations.Count(o => o.Name == "UpsertGuest");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// A connector whose guest search or write fails, as a PMS going down in the middle of a sync, or whose search also
/// answers profiles the runtime would refuse to write (a vendor returns what its front desk typed).
/// </summary>
internal sealed class FailingConnector(IPmsConnector inner) : DelegatingPmsConnector(inner)
{
    public List<GuestProfile> Unvalidated { get; } = [];

    public bool FailSearch { get; set; }

    public bool FailUpsert { get; set; }

    public bool FailReservations { get; set; }

    public override IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, CancellationToken cancellationToken = default) =>
        FailReservations ? throw new PmsException("The PMS answered 503 Service Unavailable.") : base.GetReservationsAsync(query, cancellationToken);

    public override Task<IReadOnlyList<GuestProfile>> SearchGuestsAsync(GuestSearch search, CancellationToken cancellationToken = default) =>
        FailSearch ? throw new PmsException("The PMS answered 503 Service Unavailable.") : SearchWithUnvalidatedAsync(search, cancellationToken);

    private async Task<IReadOnlyList<GuestProfile>> SearchWithUnvalidatedAsync(GuestSearch search, CancellationToken cancellationToken) =>
        [.. await base.SearchGuestsAsync(search, cancellationToken), .. Unvalidated];

    public override Task<GuestProfile> UpsertGuestAsync(GuestProfile guest, CancellationToken cancellationToken = default) =>
        FailUpsert ? throw new PmsException("The PMS answered 503 Service Unavailable.") : base.UpsertGuestAsync(guest, cancellationToken);
}
