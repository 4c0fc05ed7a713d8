using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Wire;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Paging;

namespace HotelPlatform.Connectors.Apaleo.Distribution;

/// <summary>
/// The vendor-neutral <see cref="IPmsRatesAndAvailabilityPush"/> over Apaleo's Rate Plan API: prices and stay
/// restrictions per rate plan and night through <c>GET</c> then <c>PUT /rateplan/v1/rate-plans/{id}/rates</c>.
/// Availability is not taken: Apaleo derives the rooms left to sell from its units and reservations, and its
/// Availability API writes only an overbooking allowance (<c>PATCH /availability/v1/unit-groups/{id}</c>: "You can
/// replace AllowedOverbooking"), not a count of rooms to sell.
/// </summary>
/// <remarks>
/// Everything is checked and read before the first write: the parts, the occupancies of the prices, the room type of
/// each rate plan, and Apaleo's current rates (a PUT overwrites a whole rate, so the values an update leaves out are
/// sent back as Apaleo had them). A night Apaleo already has as asked is not sent.
/// </remarks>
internal sealed class ApaleoRatesAndAvailabilityPush : IPmsRatesAndAvailabilityPush
{
    private readonly ApaleoClients _clients;
    private readonly ApaleoResponses _responses;
    private readonly Func<CancellationToken, ValueTask<TimeZoneInfo>> _zone;
    private readonly Func<CancellationToken, Task<IReadOnlyList<RatePlan>>> _ratePlans;

    /// <summary>Initializes a new instance of the <see cref="ApaleoRatesAndAvailabilityPush"/> class.</summary>
    /// <param name="clients">The hotel's Refit clients (the runtime's pipeline: token, rate limiter, resilience, telemetry).</param>
    /// <param name="responses">Reads Apaleo's answers into values or the runtime's exceptions.</param>
    /// <param name="zone">The property's time zone: a rate's night is the local date its time slice starts on.</param>
    /// <param name="ratePlans">The hotel's rate plans (reference data, kept by the connector).</param>
    public ApaleoRatesAndAvailabilityPush(
        ApaleoClients clients,
        ApaleoResponses responses,
        Func<CancellationToken, ValueTask<TimeZoneInfo>> zone,
        Func<CancellationToken, Task<IReadOnlyList<RatePlan>>> ratePlans)
    {
        _clients = clients;
        _responses = responses;
        _zone = zone;
        _ratePlans = ratePlans;
    }

    /// <inheritdoc />
    public PmsPushParts Parts => PmsPushParts.Restrictions | PmsPushParts.Rates;

    /// <inheritdoc />
    public async Task<PmsPushResult> PushAsync(PmsRatesAndAvailabilityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.EnsureOnly(Parts, PmsVendors.Apaleo);
        ApaleoRateMapper.EnsureExpressible(update);
        if (update.IsEmpty)
        {
            return new PmsPushResult(0, []);
        }

        // PUT .../rates sets each listed rate to the values sent ("initialized, or overwritten if they already exist"):
        // applied twice it leaves the same rates, so the pipeline may send it again after a transient failure, as it
        // does a read; no Idempotency-Key (the spec offers none for this operation) and no exactly-once read-back needed.
        using var operation = PmsOperation.Begin(ApaleoRateMapper.ApaleoRatesOperation, PmsOperationIntent.IdempotentWrite);
        var changes = ApaleoRateMapper.ByRatePlan(update);
        await EnsureRoomTypesAsync(changes, cancellationToken).ConfigureAwait(false);
        var zone = await _zone(cancellationToken).ConfigureAwait(false);
        var writes = new List<(string RatePlanId, IReadOnlyList<ReplaceRateModel> Rates)>(changes.Count);
        foreach (var (ratePlanId, nights) in changes)
        {
            var current = await ReadRatesAsync(ratePlanId, nights.Keys.First(), nights.Keys.Last().AddDays(1), zone, cancellationToken).ConfigureAwait(false);
            writes.Add((ratePlanId, ApaleoRateMapper.ToReplacements(ratePlanId, nights, current)));
        }

        var requests = 0;
        foreach (var (ratePlanId, rates) in writes)
        {
            foreach (var batch in rates.Chunk(ApaleoRateMapper.MaxRatesPerRequest))
            {
                await _responses.SendAsync(
                    _clients.RatePlans.ReplaceRatesAsync(ratePlanId, new ReplaceRateListModel { Rates = batch }, cancellationToken),
                    Call(ratePlanId),
                    cancellationToken).ConfigureAwait(false);
                requests++;
            }
        }

        return new PmsPushResult(requests, []);
    }

    private static ApaleoCall Call(string ratePlanId) =>
        new(ApaleoRateMapper.ApaleoRatesOperation) { EntityType = nameof(RatePlan), EntityId = ratePlanId };

    /// <summary>Refuses a value whose room type is not the unit group of its (known) rate plan; an unknown rate plan is left to Apaleo's 404.</summary>
    private async Task EnsureRoomTypesAsync(IReadOnlyDictionary<string, SortedDictionary<DateOnly, ApaleoNightChange>> changes, CancellationToken cancellationToken)
    {
        var plans = (await _ratePlans(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.VendorId, StringComparer.Ordinal);
        foreach (var (ratePlanId, nights) in changes)
        {
            if (!plans.TryGetValue(ratePlanId, out var plan) || plan.RoomTypeIds.Count == 0)
            {
                continue;
            }

            var wrong = nights.Values.Select(c => c.RoomTypeId).FirstOrDefault(r => !plan.RoomTypeIds.Contains(r, StringComparer.Ordinal));
            if (wrong is not null)
            {
                throw new PmsValidationException(
                    $"{PmsVendors.Apaleo}: rate plan '{ratePlanId}' sells unit group '{plan.RoomTypeIds[0]}', not room type '{wrong}'; nothing was sent.")
                {
                    Vendor = PmsVendors.Apaleo,
                    Operation = ApaleoRateMapper.ApaleoRatesOperation,
                    Field = "RoomTypeId",
                };
            }
        }
    }

    /// <summary>The plan's rates whose time slice starts from <paramref name="from"/> to before <paramref name="to"/>, by night; paged like every Apaleo list.</summary>
    private async Task<IReadOnlyDictionary<DateOnly, RateItemModel>> ReadRatesAsync(string ratePlanId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rates = new Dictionary<DateOnly, RateItemModel>();
        var pages = PmsPager.ByPageNumberAsync(
            (page, size, ct) => _responses.ReadAsync(_clients.RatePlans.GetRatesAsync(ratePlanId, from, to, page, size, ct), Call(ratePlanId), ct),
            (RateListModel list) => list.Rates,
            ApaleoQueryValues.MaxPageSize,
            ApaleoRateMapper.ApaleoRatesOperation,
            cancellationToken: cancellationToken);
        await foreach (var rate in pages.ItemsAsync(cancellationToken).ConfigureAwait(false))
        {
            rates[ApaleoRateMapper.NightOf(rate, zone)] = rate;
        }

        return rates;
    }
}
