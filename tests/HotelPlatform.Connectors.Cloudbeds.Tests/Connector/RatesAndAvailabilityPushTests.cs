using System.Globalization;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>
/// The connector's <see cref="IPmsRatesAndAvailabilityPush"/> over the Cloudbeds simulator: patchRate per rate and
/// interval (30 a request), the push waiting for the rate jobs with getRateJobs, and the connector's own reads (quotes,
/// availability) showing what was pushed.
/// </summary>
public sealed class RatesAndAvailabilityPushTests : IAsyncLifetime
{
    private const string HotelId = "lisbon";
    private const string PatchRate = "/api/v1.3/patchRate";
    private const string GetRateJobs = "/api/v1.3/getRateJobs";

    private readonly TestClock _clock = new();
    private readonly List<(string HotelId, CloudbedsSimulator Simulator)> _hotels = [];
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CloudbedsSimulator Simulator => _hotels[0].Simulator;

    private IPmsConnector Pms => _services.GetRequiredKeyedService<IPmsConnector>(HotelId);

    private IPmsRatesAndAvailabilityPush Push => Pms.GetRequiredService<IPmsRatesAndAvailabilityPush>();

    private DateOnly Night => Simulator.Scenario.FirstFreeNight;

    private string RoomTypeId => Simulator.Scenario.RoomTypeId;

    private string RateId => Simulator.Scenario.RateId;

    public async ValueTask InitializeAsync() => await StartAsync((HotelId, new CloudbedsSimulatorOptions { RequestsPerSecond = 1000 }));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        foreach (var (_, simulator) in _hotels)
        {
            await simulator.DisposeAsync();
        }
    }

    [Fact]
    public void The_push_takes_rates_and_restrictions_but_not_availability() =>
        Assert.Equal(PmsPushParts.Rates | PmsPushParts.Restrictions, Push.Parts);

    [Fact]
    public async Task A_pushed_rate_makes_the_quote_total_the_rate_times_the_nights()
    {
        var result = await PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [.. Nights(3).Select(n => Rate(n, 150m))] });

        var quote = Assert.Single(await Pms.QuoteAsync(new QuoteRequest(Night, Night.AddDays(3), 2) { RatePlanId = RateId }, Ct));
        Assert.Equal(1, result.Requests);
        Assert.Empty(result.Warnings);
        Assert.Equal(450m, quote.Total.Amount);
        Assert.All(quote.Nights, n => Assert.Equal(150m, n.Amount.Amount));
    }

    [Fact]
    public async Task A_closed_night_of_every_rate_of_a_room_type_is_neither_quoted_nor_available()
    {
        var rates = (await Pms.GetRatePlansAsync(Ct)).Where(r => r.RoomTypeIds.Contains(RoomTypeId)).Select(r => r.VendorId).ToList();
        Assert.True(rates.Count > 1);

        await PushAsync(new PmsRatesAndAvailabilityUpdate { Restrictions = [.. rates.Select(rate => new PmsRestrictionValue(RoomTypeId, rate, Night.AddDays(1)) { Closed = true })] });

        var quotes = await Pms.QuoteAsync(new QuoteRequest(Night, Night.AddDays(3), 2) { RoomTypeIds = [RoomTypeId] }, Ct);
        var grid = await Pms.GetAvailabilityAsync(new AvailabilityRequest(Night, Night.AddDays(3)) { RoomTypeIds = [RoomTypeId] }, Ct);
        var nextNight = await Pms.QuoteAsync(new QuoteRequest(Night.AddDays(2), Night.AddDays(3), 2) { RoomTypeIds = [RoomTypeId] }, Ct);
        Assert.Empty(quotes);
        Assert.Equal([Simulator.Scenario.RoomsPerNight, 0, Simulator.Scenario.RoomsPerNight], grid[RoomTypeId]!.Nights.Select(n => n.Available));
        Assert.Equal(rates.Order(), nextNight.Select(q => q.RatePlanId).Order());
    }

    [Fact]
    public async Task Pushed_minimum_and_maximum_stays_and_closed_to_arrival_refuse_the_stays_they_forbid()
    {
        await PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Restrictions =
            [
                new PmsRestrictionValue(RoomTypeId, RateId, Night) { MinStay = 3, MaxStay = 4 },
                new PmsRestrictionValue(RoomTypeId, RateId, Night.AddDays(1)) { ClosedToArrival = true },
            ],
        });

        async Task<bool> QuotedAsync(DateOnly arrival, int nights) =>
            (await Pms.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(nights), 2) { RatePlanId = RateId }, Ct)).Count == 1;
        Assert.False(await QuotedAsync(Night, 2));
        Assert.True(await QuotedAsync(Night, 3));
        Assert.True(await QuotedAsync(Night, 4));
        Assert.False(await QuotedAsync(Night, 5));
        Assert.False(await QuotedAsync(Night.AddDays(1), 2));
        Assert.True(await QuotedAsync(Night.AddDays(2), 2));
    }

    [Fact]
    public async Task Nights_with_the_same_values_go_as_one_interval_and_a_rate_and_its_restrictions_of_a_night_go_together()
    {
        await PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Rates = [.. Nights(5).Select(n => Rate(n, 99.5m))],
            Restrictions = [.. Nights(5).Select(n => new PmsRestrictionValue(RoomTypeId, RateId, n) { MinStay = 2 })],
        });

        var form = Forms().Single();
        Assert.Equal(RateId, form["rates[0][rateID]"]);
        Assert.Equal(Date(Night), form["rates[0][interval][startDate]"]);
        Assert.Equal(Date(Night.AddDays(4)), form["rates[0][interval][endDate]"]);
        Assert.Equal("99.5", form["rates[0][interval][rate]"]);
        Assert.Equal("2", form["rates[0][interval][minLos]"]);
        Assert.False(form.ContainsKey("rates[0][interval][blocked]"));
        Assert.False(form.ContainsKey("rates[1][rateID]"));
    }

    [Fact]
    public async Task Thirty_one_intervals_are_split_into_requests_of_thirty_and_one()
    {
        // A different rate every night: no two nights share an interval.
        var result = await PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [.. Nights(31).Select((n, i) => Rate(n, 100m + i))] });

        var forms = Forms();
        Assert.Equal(2, result.Requests);
        Assert.Equal([30, 1], forms.Select(f => f.Keys.Count(k => k.EndsWith("[rateID]", StringComparison.Ordinal))));
        var quote = Assert.Single(await Pms.QuoteAsync(new QuoteRequest(Night.AddDays(29), Night.AddDays(31), 2) { RatePlanId = RateId }, Ct));
        Assert.Equal(129m + 130m, quote.Total.Amount);
    }

    [Fact]
    public async Task Availability_is_refused_naming_it_before_any_request()
    {
        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Availability = [new PmsAvailabilityValue(RoomTypeId, Night, 3)],
            Rates = [Rate(Night, 100m)],
        }));

        Assert.Contains("Availability", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Simulator.Requests);
    }

    [Fact]
    public async Task Amounts_for_several_numbers_of_adults_are_refused_naming_the_field_before_any_request()
    {
        var refused = await Assert.ThrowsAsync<PmsNotSupportedException>(() => PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Rates = [new PmsRateValue(RoomTypeId, RateId, Night, "EUR", new Dictionary<int, decimal> { [1] = 90m, [2] = 110m })],
        }));

        Assert.Equal(nameof(PmsRateValue.AmountsByAdults), refused.Feature);
        Assert.Empty(Simulator.Requests);
    }

    [Fact]
    public async Task A_rate_in_another_currency_than_the_property_s_is_refused_and_nothing_is_written()
    {
        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Rates = [new PmsRateValue(RoomTypeId, RateId, Night, "USD", new Dictionary<int, decimal> { [2] = 90m })],
        }));

        Assert.Contains("USD", refused.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Simulator.Requests, r => r.Path == PatchRate);
    }

    [Fact]
    public async Task An_unknown_rate_is_refused_with_Cloudbeds_message_naming_it()
    {
        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Restrictions = [new PmsRestrictionValue(RoomTypeId, "no-such-rate", Night) { Closed = true }],
        }));

        Assert.Contains("no-such-rate", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PmsVendors.Cloudbeds, refused.Vendor);
        Assert.DoesNotContain(Simulator.Requests, r => r.Path == GetRateJobs);
    }

    [Fact]
    public async Task An_interval_the_rate_job_refuses_fails_the_push_with_the_job_s_message()
    {
        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => PushAsync(new PmsRatesAndAvailabilityUpdate
        {
            Rates = [Rate(Night, -5m), Rate(Night.AddDays(1), 80m)],
        }));

        Assert.Contains("rate must not be negative", Assert.Single(refused.Messages), StringComparison.Ordinal);
        Assert.Contains(Date(Night), refused.Message, StringComparison.Ordinal);

        // The job's other interval was applied.
        var quote = Assert.Single(await Pms.QuoteAsync(new QuoteRequest(Night.AddDays(1), Night.AddDays(2), 2) { RatePlanId = RateId }, Ct));
        Assert.Equal(80m, quote.Total.Amount);
    }

    [Fact]
    public async Task The_push_waits_until_the_rate_job_has_been_applied()
    {
        Simulator.CloudbedsOptions.RateJobDelay = TimeSpan.FromSeconds(7);

        var result = await PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [Rate(Night, 175m)] });

        var quote = Assert.Single(await Pms.QuoteAsync(new QuoteRequest(Night, Night.AddDays(1), 2) { RatePlanId = RateId }, Ct));
        Assert.Empty(result.Warnings);
        Assert.Equal(175m, quote.Total.Amount);
        Assert.True(Simulator.Requests.Count(r => r.Path == GetRateJobs) >= 4, "the job was in progress for 7 s and looked at every 2 s");
    }

    [Fact]
    public async Task A_rate_job_still_in_progress_after_the_last_check_is_reported_as_a_warning()
    {
        Simulator.CloudbedsOptions.RateJobDelay = TimeSpan.FromHours(1);

        var result = await PushAsync(new PmsRatesAndAvailabilityUpdate { Rates = [Rate(Night, 175m)] });

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("still in progress", warning, StringComparison.Ordinal);
        Assert.Equal(1, result.Requests);
    }

    [Fact]
    public async Task An_empty_update_sends_nothing()
    {
        var result = await PushAsync(new PmsRatesAndAvailabilityUpdate());

        Assert.Equal(0, result.Requests);
        Assert.Empty(Simulator.Requests);
    }

    [Fact]
    public async Task A_bulk_push_over_two_Cloudbeds_hotels_reports_both_succeeded()
    {
        await _services.DisposeAsync();
        await StartAsync(("porto", new CloudbedsSimulatorOptions { RequestsPerSecond = 1000, PropertyId = "172983" }));
        var pushes = new[] { HotelId, "porto" }
            .Select(hotel => new PmsBulkPush(new PmsBulkHotel(hotel, $"cloudbeds:{hotel}"), new PmsRatesAndAvailabilityUpdate { Rates = [Rate(Night, 140m)] }))
            .ToList();

        var report = await _clock.CompleteAsync(PmsBulkJobs.PushRatesAndAvailabilityAsync(_services.GetRequiredService<IPmsConnectorRegistry>(), pushes, new PmsBulkOptions(), cancellationToken: Ct));

        Assert.Equal(2, report.Succeeded);
        Assert.All(report.Items, item => Assert.Equal(1, item.Value!.Requests));
        Assert.All(_hotels, hotel => Assert.Single(hotel.Simulator.Requests, r => r.Path == PatchRate));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IEnumerable<DateOnly> Nights(int count) => Enumerable.Range(0, count).Select(Night.AddDays);

    private PmsRateValue Rate(DateOnly night, decimal amount) => new(RoomTypeId, RateId, night, "EUR", new Dictionary<int, decimal> { [2] = amount });

    private Task<PmsPushResult> PushAsync(PmsRatesAndAvailabilityUpdate update) => _clock.CompleteAsync(Push.PushAsync(update, Ct));

    /// <summary>The patchRate bodies the simulator received, as their form fields.</summary>
    private List<Dictionary<string, string>> Forms() =>
        [.. Simulator.Requests.Where(r => r.Path == PatchRate).Select(r => QueryHelpers.ParseQuery(r.Body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal))];

    /// <summary>Starts a simulator per hotel (adding to those running) and one service provider over all of them.</summary>
    private async Task StartAsync(params (string HotelId, CloudbedsSimulatorOptions Options)[] hotels)
    {
        foreach (var (hotelId, options) in hotels)
        {
            var simulator = new CloudbedsSimulator(new SimulatorOptions { TimeProvider = _clock }, options);
            await simulator.StartAsync(Ct);
            _hotels.Add((hotelId, simulator));
        }

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddLogging();
        var builder = services.AddPmsConnectors();
        foreach (var (hotelId, simulator) in _hotels)
        {
            builder.AddCloudbeds(hotelId, o =>
            {
                o.PropertyId = simulator.CloudbedsOptions.PropertyId;
                o.ApiKey = CloudbedsSimulatorOptions.DefaultApiKey;
                o.BaseAddress = new Uri(simulator.BaseAddress, "api/v1.3/");
                o.RequestsPerSecond = 0;
            });
        }

        _services = services.BuildServiceProvider();
    }
}
