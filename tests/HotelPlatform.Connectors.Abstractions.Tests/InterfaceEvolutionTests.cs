using System.Runtime.CompilerServices;

namespace HotelPlatform.Connectors.Tests;

/// <summary>
/// The evolution policy of <see cref="IPmsConnector"/> (ADR 0010): its members are fixed, so an implementer compiled
/// against this version keeps working; later operations are feature sub-clients reached through GetService.
/// </summary>
public sealed class InterfaceEvolutionTests
{
    /// <summary>The members of the first release. Adding one breaks every implementer outside this repository.</summary>
    private static readonly string[] FirstReleaseMembers =
    [
        "AddServiceAsync", "CancelReservationAsync", "CheckHealthAsync", "CreateReservationAsync", "FindReservationAsync",
        "get_Capabilities", "get_PropertyId", "get_Vendor", "GetAvailabilityAsync", "GetGuestAsync", "GetPropertyAsync",
        "GetRatePlansAsync", "GetReservationAsync", "GetReservationsAsync", "GetRoomTypesAsync", "GetService",
        "GetServiceOffersAsync", "ModifyReservationAsync", "QuoteAsync", "SearchGuestsAsync", "UpsertGuestAsync",
    ];

    [Fact]
    public void IPmsConnector_keeps_exactly_the_members_of_its_first_release()
    {
        var members = typeof(IPmsConnector).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

        var added = members.Except(FirstReleaseMembers).ToList();
        var removed = FirstReleaseMembers.Except(members).ToList();
        Assert.True(
            added.Count == 0 && removed.Count == 0,
            $"IPmsConnector changed (added: {string.Join(", ", added)}; removed: {string.Join(", ", removed)}). Its members are fixed so that " +
            "connectors compiled against an earlier version keep working: add a [PmsFeature] sub-client interface reached through GetService instead (docs/adr/0010).");
    }

    [Fact]
    public void IPmsConnector_has_no_default_members_that_a_middleware_would_answer_instead_of_forwarding()
    {
        Assert.All(typeof(IPmsConnector).GetMethods(), m => Assert.True(m.IsAbstract, $"{m.Name} has a default body."));
    }

    [Fact]
    public async Task A_connector_written_against_the_first_release_still_works_and_lacks_later_features_with_a_typed_error()
    {
        IPmsConnector connector = new FirstReleaseConnector();

        var property = await connector.GetPropertyAsync(TestContext.Current.CancellationToken);
        var error = Assert.Throws<PmsNotSupportedException>(() => connector.GetRequiredService<IFolios>());

        Assert.Equal("BER", property.VendorId);
        Assert.Null(connector.GetService<IFolios>());
        Assert.Equal("first-release", error.Vendor);
        Assert.Equal("folios", error.Feature);
        Assert.Equal(ConnectorCapabilities.None, error.Capability);
        Assert.Equal(
            $"The first-release connector (property BER) does not support folios: it offers no {typeof(IFolios).FullName}. Check with GetService<IFolios>() before relying on it.",
            error.Message);
    }

    [Fact]
    public void A_connector_that_offers_a_feature_hands_out_its_sub_client()
    {
        var folios = new Folios();
        IPmsConnector connector = new FirstReleaseConnector(folios);

        Assert.Same(folios, connector.GetRequiredService<IFolios>());
        Assert.Same(folios, connector.GetService<IFolios>());
    }

    [Fact]
    public void A_keyed_sub_client_that_is_absent_names_the_key_and_an_unmarked_type_is_named_by_its_type()
    {
        IPmsConnector connector = new FirstReleaseConnector(new Folios());

        var keyed = Assert.Throws<PmsNotSupportedException>(() => connector.GetRequiredService<IFolios>("city-ledger"));
        var unmarked = Assert.Throws<PmsNotSupportedException>(() => connector.GetRequiredService<IUnmarkedExtra>());

        Assert.Contains("with key 'city-ledger'", keyed.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(IUnmarkedExtra), unmarked.Feature);
        Assert.Equal("folios", PmsFeatureAttribute.NameOf(typeof(IFolios)));
    }

    /// <summary>A feature added after the first release, as a sub-client.</summary>
    [PmsFeature("folios")]
    public interface IFolios
    {
        Task<Money> GetBalanceAsync(string reservationId, CancellationToken cancellationToken = default);
    }

    public interface IUnmarkedExtra;

    private sealed class Folios : IFolios
    {
        public Task<Money> GetBalanceAsync(string reservationId, CancellationToken cancellationToken = default) => Task.FromResult(new Money(0m, "EUR"));
    }

    /// <summary>
    /// Implements <see cref="IPmsConnector"/> directly, member by member, as a third party compiled against the first
    /// release would: this class stops compiling the day a member is added to the interface.
    /// </summary>
    private sealed class FirstReleaseConnector(IFolios? folios = null) : IPmsConnector
    {
        public string Vendor => "first-release";

        public string PropertyId => "BER";

        public ConnectorCapabilities Capabilities => ConnectorCapabilities.Inventory;

        public Task<PmsHealthReport> CheckHealthAsync(CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<PmsProperty> GetPropertyAsync(CancellationToken cancellationToken = default) => Task.FromResult(new PmsProperty("BER", "Berlin", "Europe/Berlin", "EUR"));

        public Task<IReadOnlyList<RoomType>> GetRoomTypesAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<RoomType>>([]);

        public Task<IReadOnlyList<RatePlan>> GetRatePlansAsync(CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<AvailabilityGrid> GetAvailabilityAsync(AvailabilityRequest request, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<IReadOnlyList<RateQuote>> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<Reservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<Reservation> ModifyReservationAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<Reservation> CancelReservationAsync(string reservationId, string? reason = null, CancellationToken cancellationToken = default) => throw Unsupported();

        public IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<IReadOnlyList<GuestProfile>> SearchGuestsAsync(GuestSearch search, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<GuestProfile> GetGuestAsync(string guestId, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<GuestProfile> UpsertGuestAsync(GuestProfile guest, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<IReadOnlyList<ServiceOffer>> GetServiceOffersAsync(ServiceOfferRequest request, CancellationToken cancellationToken = default) => throw Unsupported();

        public Task<Reservation> AddServiceAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken = default) => throw Unsupported();

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceKey is null && folios is not null && serviceType.IsInstanceOfType(folios) ? folios : null;

        private static PmsNotSupportedException Unsupported([CallerMemberName] string member = "") => new($"{member} is not part of this test connector.");
    }
}
