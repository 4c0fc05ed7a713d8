using HotelPlatform.Connectors.Mews.Wire;

namespace HotelPlatform.Connectors.Mews.Mapping;

/// <summary>
/// Reads Mews restrictions (restrictions.md) into the SDK's <see cref="StayRestrictions"/> and checks stays against them.
/// A restriction's <c>Conditions</c> say when it applies (<c>Type</c> <c>Stay</c>: no night of a stay within the dates;
/// <c>Start</c>: no arrival; <c>End</c>: no departure; for a resource category or type, rates, days of week), its
/// <c>Exceptions</c> lift it for some reservations: a length exception (<c>MinLength</c>/<c>MaxLength</c>) lifts it for stays
/// of that length, so a <c>Start</c> or <c>Stay</c> restriction with one is a minimum or maximum stay. Exceptions by
/// advance (<c>MinAdvance</c>/<c>MaxAdvance</c>) or price (<c>MinPrice</c>/<c>MaxPrice</c>) depend on when and at what price a
/// guest books, which a grid cannot show: such restrictions are left out (docs/connectors/mews.md).
/// </summary>
internal static class MewsRestrictions
{
    /// <summary>Whether the restriction concerns the resource category (by id or type, or every category).</summary>
    public static bool AppliesTo(RestrictionModel restriction, ResourceCategoryModel category) =>
        (restriction.Conditions.ResourceCategoryId is null || string.Equals(restriction.Conditions.ResourceCategoryId, category.Id, StringComparison.OrdinalIgnoreCase))
        && (restriction.Conditions.ResourceCategoryType is null || string.Equals(restriction.Conditions.ResourceCategoryType, category.Type, StringComparison.Ordinal));

    /// <summary>Whether the restriction holds for every rate (no <c>ExactRateId</c>, <c>BaseRateId</c> or <c>RateGroupId</c>): only those belong in a grid per room type.</summary>
    public static bool IsForEveryRate(RestrictionModel restriction) =>
        restriction.Conditions is { ExactRateId: null, BaseRateId: null, RateGroupId: null };

    /// <summary>Whether the restriction can be read without knowing when or at what price the guest books.</summary>
    public static bool IsReadable(RestrictionModel restriction) =>
        restriction.Exceptions is null or { MinAdvance: null, MaxAdvance: null, MinPrice: null, MaxPrice: null };

    /// <summary>The restrictions of one night (the grid's, for one resource category): the strictest of those that apply.</summary>
    public static StayRestrictions ForNight(IEnumerable<RestrictionModel> restrictions, DateOnly night, MewsSetup setup)
    {
        var result = StayRestrictions.None;
        foreach (var restriction in restrictions.Where(r => IsReadable(r) && Covers(r, night, setup)))
        {
            var (min, max) = Lengths(restriction);
            var byLength = min is not null || max is not null;
            result = restriction.Conditions.Type switch
            {
                "Start" or "Stay" when byLength => result with
                {
                    MinStay = Strictest(result.MinStay, min, Math.Max),
                    MaxStay = Strictest(result.MaxStay, max, Math.Min),
                },
                "Start" => result with { ClosedToArrival = true },
                "Stay" => result with { Closed = true },
                "End" when !byLength => result with { ClosedToDeparture = true },
                _ => result,
            };
        }

        return result.IsRestricted ? result : StayRestrictions.None;
    }

    /// <summary>Whether any of the restrictions forbids the stay (as <c>reservations/add</c> with <c>CheckRateApplicability</c> would).</summary>
    public static bool Forbids(IEnumerable<RestrictionModel> restrictions, DateOnly arrival, DateOnly departure, MewsSetup setup)
    {
        var nights = departure.DayNumber - arrival.DayNumber;
        foreach (var restriction in restrictions.Where(IsReadable))
        {
            var (min, max) = Lengths(restriction);
            if ((min is not null || max is not null) && (min is null || nights >= min) && (max is null || nights <= max))
            {
                continue;
            }

            var applies = restriction.Conditions.Type switch
            {
                "Start" => Covers(restriction, arrival, setup),
                "End" => Covers(restriction, departure, setup),
                "Stay" => Enumerable.Range(0, nights).Any(i => Covers(restriction, arrival.AddDays(i), setup)),
                _ => false,
            };
            if (applies)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the restriction's interval (inclusive) and days of week hold the date's time unit.</summary>
    private static bool Covers(RestrictionModel restriction, DateOnly date, MewsSetup setup)
    {
        var unit = setup.Midnight(date);
        var conditions = restriction.Conditions;
        return (conditions.StartUtc is null || conditions.StartUtc <= unit)
               && (conditions.EndUtc is null || unit <= conditions.EndUtc)
               && (conditions.Days is not { Count: > 0 } days || days.Contains(date.DayOfWeek.ToString(), StringComparer.Ordinal));
    }

    private static (int? Min, int? Max) Lengths(RestrictionModel restriction) =>
        (Nights(restriction.Exceptions?.MinLength), Nights(restriction.Exceptions?.MaxLength));

    private static int? Nights(string? duration) =>
        string.IsNullOrWhiteSpace(duration) ? null : (int)Math.Round(MewsTime.ParseDuration(duration).TotalDays);

    private static int? Strictest(int? current, int? next, Func<int, int, int> pick) =>
        current is null ? next : next is null ? current : pick(current.Value, next.Value);
}
