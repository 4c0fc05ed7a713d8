using System.Diagnostics;
using HotelPlatform.Connectors.Paging;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests.Paging;

/// <summary>The resumable-listing sub-client as a consumer reaches it: through a registered hotel's connector.</summary>
public sealed class ReservationPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A connector whose listing has 5 reservations in pages of 2.</summary>
    private sealed class PagedConnector() : PmsConnector("paged", "P1", ConnectorCapabilities.ListReservations | ConnectorCapabilities.ChangedReservations | ConnectorCapabilities.ReadReservations)
    {
        public List<int> Fetched { get; } = [];

        protected override bool SupportsReservationPages => true;

        protected override IAsyncEnumerable<Reservation> GetReservationsCoreAsync(ReservationQuery query, CancellationToken cancellationToken) =>
            GetReservationPagesCoreAsync(query, null, cancellationToken).ItemsAsync(cancellationToken);

        protected override IAsyncEnumerable<PmsPage<Reservation>> GetReservationPagesCoreAsync(ReservationQuery query, string? continuationToken, CancellationToken cancellationToken) =>
            PmsPager.ByPageNumberAsync(
                (number, size, _) =>
                {
                    Fetched.Add(number);
                    var ids = Enumerable.Range(((number - 1) * size) + 1, size).Where(i => i <= 5).ToList();
                    return Task.FromResult<IReadOnlyList<Reservation>?>(ids.Count == 0 ? null : [.. ids.Select(i => FakeConnector.Reservation($"R{i}"))]);
                },
                page => page,
                query.PageSize ?? 2,
                ContinuationScope(query),
                continuationToken,
                cancellationToken: cancellationToken);
    }

    private static (ServiceProvider Services, PagedConnector Inner) Register()
    {
        var inner = new PagedConnector();
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddConnector("h1", "paged", _ => inner).AddConnector("h2", "fake", _ => new FakeConnector());
        return (services.BuildServiceProvider(), inner);
    }

    [Fact]
    public async Task A_registered_hotel_resumes_a_listing_from_its_token_and_the_listing_is_traced_as_an_operation()
    {
        var (services, inner) = Register();
        await using var _ = services;
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PmsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var query = ReservationQuery.ChangedSince(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) with { PageSize = 2 };
        var pages = services.GetRequiredKeyedService<IPmsConnector>("h1").GetRequiredService<IPmsReservationPages>();

        var first = await pages.GetReservationPagesAsync(query, cancellationToken: Ct).FirstAsync(Ct);
        var rest = await pages.GetReservationPagesAsync(query, first.ContinuationToken, Ct).ToListAsync(Ct);

        Assert.Equal(["R1", "R2"], first.Items.Select(r => r.VendorId));
        Assert.Equal(["R3", "R4", "R5"], rest.SelectMany(p => p.Items).Select(r => r.VendorId));
        Assert.Equal([1, 2, 3], inner.Fetched);
        var traced = activities.Where(a => a.OperationName == "pms GetReservationPages").ToList();
        Assert.Equal(2, traced.Count);
        Assert.Equal([2, 3], traced.Select(a => (int)a.GetTagItem("pms.items")!));
        Assert.All(traced, a => Assert.Equal("h1", a.GetTagItem(PmsTelemetry.HotelTag)));
    }

    [Fact]
    public async Task A_connector_that_cannot_resume_offers_no_pages_and_its_direct_call_says_why()
    {
        var (services, _) = Register();
        await using var __ = services;
        var fake = services.GetRequiredKeyedService<IPmsConnector>("h2");

        Assert.Null(fake.GetService<IPmsReservationPages>());
        var direct = new FakeConnector(capabilities: ConnectorCapabilities.ListReservations);
        var refused = Assert.Throws<PmsNotSupportedException>(() => direct.GetReservationPagesAsync(ReservationQuery.ArrivalsToday(), cancellationToken: Ct));
        Assert.Contains("cannot resume", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PagedConnector().GetReservationPagesAsync(ReservationQuery.ArrivalsToday(), "  ", Ct));
    }
}
