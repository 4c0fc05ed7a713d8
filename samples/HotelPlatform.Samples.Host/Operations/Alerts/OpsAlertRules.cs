using System.Globalization;

namespace HotelPlatform.Samples.Host.Operations.Alerts;

/// <summary>The rule names, as stored with every alert and shown on the page.</summary>
internal static class OpsAlertRuleNames
{
    public const string Unhealthy = "unhealthy";
    public const string ErrorRate = "error-rate";
    public const string QuotaInUse = "quota-in-use";
    public const string DeadLetters = "dead-letters";
    public const string WebhookSilence = "webhook-silence";
}

/// <summary>A condition a rule found true now: what fires an alert (rule, subject) unless one is already open.</summary>
/// <param name="Rule">One of <see cref="OpsAlertRuleNames"/>.</param>
/// <param name="Subject">What it is about: a hotel key, or a vendor account key for quota.</param>
/// <param name="Message">What was seen, for the page and the notification (no personal data: counts, rates, durations).</param>
internal sealed record OpsAlertCondition(string Rule, string Subject, string Message);

/// <summary>A hotel's webhook deliveries and reconciliation events over the silence rule's window.</summary>
internal sealed record OpsDeliveryCounts(int Webhooks, int Reconciled);

/// <summary>Everything the rules look at, gathered once per evaluation.</summary>
/// <param name="Open">The (rule, subject) of every alert still open: a hotel whose health state a restart forgot keeps its unhealthy alert.</param>
internal sealed record OpsAlertInput(
    DateTimeOffset Now,
    IReadOnlySet<(string Rule, string Subject)> Open,
    IReadOnlyList<OpsHotelStatus> Hotels,
    IReadOnlyDictionary<string, OpsWindowStats> ErrorWindows,
    IReadOnlyList<OpsQuotaStatus> Quotas,
    IReadOnlyDictionary<string, OpsDeliveryCounts> Deliveries);

/// <summary>Turns one evaluation's input into the conditions that hold: pure, so every rule is tested without a host.</summary>
internal static class OpsAlertRules
{
    public static IReadOnlyList<OpsAlertCondition> Evaluate(OpsAlertRulesOptions rules, OpsAlertInput input)
    {
        var found = new List<OpsAlertCondition>();
        foreach (var hotel in input.Hotels)
        {
            if (rules.Unhealthy.Enabled && IsUnhealthy(rules.Unhealthy, hotel, input))
            {
                var message = hotel.HealthSince is { } since
                    ? Invariant($"{hotel.Health} since {since:u} ({Minutes(input.Now - since)}): {hotel.HealthDescription ?? "no description"}")
                    : "Not checked since the host started";
                found.Add(new(OpsAlertRuleNames.Unhealthy, hotel.Hotel, message));
            }

            if (rules.ErrorRate.Enabled && input.ErrorWindows.GetValueOrDefault(hotel.Hotel) is { } window &&
                window.Operations >= rules.ErrorRate.MinOperations && window.ErrorRate > rules.ErrorRate.Above)
            {
                found.Add(new(OpsAlertRuleNames.ErrorRate, hotel.Hotel, Invariant($"{window.ErrorRate:P1} of {window.Operations} operations failed over {Minutes(rules.ErrorRate.Window)} (threshold {rules.ErrorRate.Above:P1})")));
            }

            if (rules.DeadLetters.Enabled && hotel.DeadLetters > rules.DeadLetters.Above)
            {
                found.Add(new(OpsAlertRuleNames.DeadLetters, hotel.Hotel, Invariant($"{hotel.DeadLetters} dead-lettered webhook event{(hotel.DeadLetters == 1 ? string.Empty : "s")}")));
            }

            if (rules.WebhookSilence.Enabled && input.Deliveries.GetValueOrDefault(hotel.Hotel) is { Webhooks: 0, Reconciled: > 0 } silent)
            {
                found.Add(new(OpsAlertRuleNames.WebhookSilence, hotel.Hotel, Invariant($"No webhook for {Minutes(rules.WebhookSilence.Window)} while reconciliation found {silent.Reconciled} changes")));
            }
        }

        if (rules.QuotaInUse.Enabled)
        {
            foreach (var quota in input.Quotas.Where(q => q.InUse > rules.QuotaInUse.Above))
            {
                found.Add(new(OpsAlertRuleNames.QuotaInUse, quota.Account, Invariant($"{quota.Vendor} account: {quota.InUse:P0} of the quota in use ({quota.Limit - quota.Available} of {quota.Limit} permits; threshold {rules.QuotaInUse.Above:P0})")));
            }
        }

        return found;
    }

    /// <summary>
    /// Unhealthy for the configured time; an alert already open stays open while the hotel is still unhealthy however
    /// recently that was observed, or not yet checked: "since" lives in memory and starts again after a restart.
    /// </summary>
    private static bool IsUnhealthy(OpsAlertRulesOptions.UnhealthyRule rule, OpsHotelStatus hotel, OpsAlertInput input)
    {
        var open = input.Open.Contains((OpsAlertRuleNames.Unhealthy, hotel.Hotel));
        return hotel.Health switch
        {
            "Unhealthy" => open || (hotel.HealthSince is { } since && input.Now - since >= rule.For),
            "Unknown" => open,
            _ => false,
        };
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1 ? Invariant($"{span.TotalMinutes:0.#} min") : Invariant($"{span.TotalSeconds:0.#} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
