using System.Globalization;
using HotelPlatform.Connectors.Cloudbeds.Wire;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Cloudbeds.Rates;

/// <summary>
/// The vendor-neutral <see cref="IPmsRatesAndAvailabilityPush"/> over Cloudbeds' <c>POST /patchRate</c>
/// (pms-v1.3-openapi.yaml): rates and restrictions of a <c>rateID</c> (one rate plan on one room type, the connector's
/// <see cref="RatePlan.VendorId"/>) per interval of nights, at most <see cref="CloudbedsLimits.MaxRateIntervals"/>
/// intervals a request. Cloudbeds applies them asynchronously: each request queues a job, and the push waits for its
/// jobs with <c>GET /getRateJobs</c> so that what it returns has been applied (see <c>docs/connectors/cloudbeds.md</c>).
/// </summary>
/// <remarks>
/// Availability is not a part: the v1.3 API has no count of rooms to sell. Its room blocks (postRoomBlock) take named
/// rooms out of service, which is housekeeping, not a number a channel manager sets.
/// </remarks>
internal sealed class CloudbedsRatesAndAvailabilityPush(CloudbedsClient client, Func<CancellationToken, Task<string>> propertyCurrency, TimeProvider timeProvider)
    : IPmsRatesAndAvailabilityPush
{
    /// <summary>The operation's name in telemetry and errors.</summary>
    public const string Operation = "PushRatesAndAvailability";

    /// <summary>How long to wait between two looks at a job that is still in progress (Cloudbeds documents no processing time).</summary>
    internal static readonly TimeSpan JobCheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>How many times a job is looked at before the push returns with a warning that it is still in progress (about two minutes).</summary>
    internal const int MaxJobChecks = 60;

    private readonly CloudbedsResponses _responses = CloudbedsResponses.Instance;

    /// <inheritdoc />
    public PmsPushParts Parts => PmsPushParts.Restrictions | PmsPushParts.Rates;

    /// <inheritdoc />
    public async Task<PmsPushResult> PushAsync(PmsRatesAndAvailabilityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.EnsureOnly(Parts, PmsVendors.Cloudbeds);
        if (update.IsEmpty)
        {
            return new PmsPushResult(0, []);
        }

        await EnsureExpressibleAsync(update.Rates, cancellationToken).ConfigureAwait(false);
        var batches = Intervals(Nights(update)).Chunk(CloudbedsLimits.MaxRateIntervals).ToList();
        var jobs = new List<string>(batches.Count);
        foreach (var batch in batches)
        {
            jobs.Add(await SendAsync(batch, cancellationToken).ConfigureAwait(false));
        }

        var warnings = new List<string>();
        var failures = new List<string>();
        foreach (var job in jobs)
        {
            await WaitAsync(job, warnings, failures, cancellationToken).ConfigureAwait(false);
        }

        if (failures.Count > 0)
        {
            throw new PmsValidationException($"{PmsVendors.Cloudbeds} {Operation}: Cloudbeds' rate job refused {failures.Count} interval(s): {string.Join("; ", failures)}. The other intervals were applied; pushing again is harmless.")
            {
                Vendor = PmsVendors.Cloudbeds,
                Operation = Operation,
                Messages = failures,
            };
        }

        return new PmsPushResult(jobs.Count, warnings);
    }

    /// <summary>
    /// Refuses, before anything is sent, the rate values patchRate cannot say: it takes one base <c>rate</c> a night in
    /// the property's currency (no currency field); its <c>guestPricing</c> (adult1..adult3) is not described beyond
    /// "Price for adult N", so amounts by number of adults are not guessed into it.
    /// </summary>
    private async Task EnsureExpressibleAsync(IReadOnlyList<PmsRateValue> rates, CancellationToken cancellationToken)
    {
        if (rates.FirstOrDefault(r => r.AmountsByAdults.Count != 1) is { } several)
        {
            throw new PmsNotSupportedException($"{PmsVendors.Cloudbeds} {Operation}: rate {several.RatePlanId} on {Date(several.Date)} has {several.AmountsByAdults.Count} amounts by adults; patchRate takes one base rate a night (its guestPricing is not documented well enough to map occupancy prices), so push one amount; nothing was sent.")
            {
                Vendor = PmsVendors.Cloudbeds,
                Operation = Operation,
                Feature = nameof(PmsRateValue.AmountsByAdults),
            };
        }

        if (rates.Count == 0)
        {
            return;
        }

        var currency = await propertyCurrency(cancellationToken).ConfigureAwait(false);
        if (rates.FirstOrDefault(r => !string.Equals(r.Currency, currency, StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            throw new PmsValidationException($"{PmsVendors.Cloudbeds} {Operation}: rate {other.RatePlanId} on {Date(other.Date)} is in {other.Currency}, but Cloudbeds takes rates in the property's currency {currency} (patchRate has no currency); nothing was sent.")
            {
                Vendor = PmsVendors.Cloudbeds,
                Operation = Operation,
                Field = nameof(PmsRateValue.Currency),
            };
        }
    }

    /// <summary>The values per rate and night, rates and restrictions of the same night together (a later value of a field wins).</summary>
    private static SortedDictionary<(string RateId, DateOnly Date), Night> Nights(PmsRatesAndAvailabilityUpdate update)
    {
        // Cloudbeds' rateID names the room type too, so RoomTypeId has no field of its own in patchRate.
        var nights = new SortedDictionary<(string RateId, DateOnly Date), Night>();
        Night At(string rateId, DateOnly date) => nights.GetValueOrDefault((rateId, date)) ?? new Night();
        foreach (var r in update.Restrictions)
        {
            var night = At(r.RatePlanId, r.Date);
            nights[(r.RatePlanId, r.Date)] = night with
            {
                Blocked = r.Closed ?? night.Blocked,
                ClosedToArrival = r.ClosedToArrival ?? night.ClosedToArrival,
                ClosedToDeparture = r.ClosedToDeparture ?? night.ClosedToDeparture,
                MinLos = r.MinStay ?? night.MinLos,
                MaxLos = r.MaxStay ?? night.MaxLos,
            };
        }

        foreach (var r in update.Rates)
        {
            nights[(r.RatePlanId, r.Date)] = At(r.RatePlanId, r.Date) with { Rate = r.AmountsByAdults.Values.Single() };
        }

        return nights;
    }

    /// <summary>Consecutive nights of a rate with the same values as one interval (<c>endDate</c> is its last night).</summary>
    private static IEnumerable<Interval> Intervals(SortedDictionary<(string RateId, DateOnly Date), Night> nights) =>
        PmsNightRuns.Split(nights, n => n.Key.Date, (a, b) => a.Key.RateId == b.Key.RateId && a.Value == b.Value)
            .Select(run => new Interval(run[0].Key.RateId, run[0].Key.Date, run[^1].Key.Date, run[0].Value));

    /// <summary>One patchRate request; returns its job's reference.</summary>
    private async Task<string> SendAsync(Interval[] batch, CancellationToken cancellationToken)
    {
        var form = new CloudbedsForm();
        for (var i = 0; i < batch.Length; i++)
        {
            var (rateId, start, end, night) = batch[i];
            var interval = CloudbedsForm.Key("rates", i, "interval");
            form.Add(CloudbedsForm.Key("rates", i, "rateID"), rateId)
                .Add($"{interval}[startDate]", start)
                .Add($"{interval}[endDate]", end)
                .Add($"{interval}[rate]", night.Rate?.ToString(CultureInfo.InvariantCulture))
                .Add($"{interval}[minLos]", night.MinLos)
                .Add($"{interval}[maxLos]", night.MaxLos)
                .Add($"{interval}[closedToArrival]", night.ClosedToArrival)
                .Add($"{interval}[closedToDeparture]", night.ClosedToDeparture)
                .Add($"{interval}[blocked]", night.Blocked);
        }

        RateJobCreatedModel? answer;

        // patchRate sets values: a repeat queues a job that writes the same values again, so the pipeline may retry it
        // like a read (Cloudbeds has no idempotency key, and none is needed here).
        using (PmsOperation.Begin(Operation, PmsOperationIntent.IdempotentWrite))
        {
            answer = await _responses.ReadAsync(client.CallAsync(api => api.PatchRateAsync(form.Fields, cancellationToken), cancellationToken), new PmsCall(Operation), cancellationToken).ConfigureAwait(false);
        }

        return answer?.JobReferenceID is { Length: > 0 } job
            ? job
            : throw new PmsException($"{PmsVendors.Cloudbeds} {Operation}: patchRate answered without a jobReferenceID, so whether the rates were queued is unknown; pushing again is harmless.") { Vendor = PmsVendors.Cloudbeds, Operation = Operation };
    }

    /// <summary>Looks at the job until it is completed or in error; an interval in error is added to <paramref name="failures"/>, a job still running after <see cref="MaxJobChecks"/> to <paramref name="warnings"/>.</summary>
    private async Task WaitAsync(string job, List<string> warnings, List<string> failures, CancellationToken cancellationToken)
    {
        for (var check = 1; check <= MaxJobChecks; check++)
        {
            RateJobsModel? answer;
            using (PmsOperation.Begin(Operation, PmsOperationIntent.Read))
            {
                answer = await _responses.ReadAsync(client.CallAsync(api => api.GetRateJobsAsync(job, cancellationToken), cancellationToken), new PmsCall(Operation), cancellationToken).ConfigureAwait(false);
            }

            var found = answer?.Data.FirstOrDefault(j => j.JobReferenceID == job);
            switch (found?.Status)
            {
                case "completed":
                    return;
                case "error":
                    failures.AddRange(found.Updates.Where(u => u.Action == "error").Select(u => $"rate {u.RateID} {Date(u.StartDate)}..{Date(u.EndDate)}: {u.Message ?? "no message"}"));
                    if (!found.Updates.Any(u => u.Action == "error"))
                    {
                        failures.Add($"job {job}: error without a message");
                    }

                    return;
            }

            // in_progress, or not listed yet: the queue has not reached it.
            if (check < MaxJobChecks)
            {
                await Task.Delay(JobCheckInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        warnings.Add($"Cloudbeds rate job {job} was still in progress after {MaxJobChecks} checks; look it up with getRateJobs?jobReferenceID={job}.");
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>A night's values of one rate; a member left <see langword="null"/> is not sent, so Cloudbeds keeps it.</summary>
    private sealed record Night
    {
        public decimal? Rate { get; init; }

        public bool? Blocked { get; init; }

        public bool? ClosedToArrival { get; init; }

        public bool? ClosedToDeparture { get; init; }

        public int? MinLos { get; init; }

        public int? MaxLos { get; init; }
    }

    private sealed record Interval(string RateId, DateOnly Start, DateOnly End, Night Values);
}
