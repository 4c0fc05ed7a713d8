using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Mapping;

/// <summary>
/// Folds par restriction sets into the <see cref="StayRestrictions"/> of one room type on one night. A set counts for a
/// room type when it applies to the house or to that room type and to nothing narrower: a set bound to a rate plan, rate
/// plan category, booking channel or room class cannot be shown on a per-room-type grid (OHIP's availability still
/// honours it, so quotes and bookings respect it).
/// </summary>
internal static class OperaRestrictions
{
    public static StayRestrictions ForRoomType(IEnumerable<RestrictionSet> sets, string roomType, DateOnly night)
    {
        var result = StayRestrictions.None;
        foreach (var set in sets)
        {
            if (!AppliesTo(set, roomType, night) || set.RestrictionStatus is not { Code: { } code } status)
            {
                continue;
            }

            result = code switch
            {
                "Closed" => result with { Closed = true },
                "ClosedForArrival" => result with { ClosedToArrival = true },
                "ClosedForDeparture" => result with { ClosedToDeparture = true },
                "MinimumLengthOfStay" when status.Unit is { } min => result with { MinStay = Math.Max(min, result.MinStay ?? 0) },
                "MaximumLengthOfStay" when status.Unit is { } max => result with { MaxStay = Math.Min(max, result.MaxStay ?? int.MaxValue) },
                _ => result,
            };
        }

        return result;
    }

    private static bool AppliesTo(RestrictionSet set, string roomType, DateOnly night)
    {
        var control = set.RestrictionControl;
        var narrower = control is not null && (control.RatePlanCode ?? control.RatePlanCategory ?? control.BookingChannelCode ?? control.RoomClass) is not null;
        var forRoomType = control?.RoomType is null || string.Equals(control.RoomType, roomType, StringComparison.Ordinal);
        return !narrower && forRoomType && (set.Start is null || set.Start <= night) && (set.End is null || night <= set.End) && (set.NoneFlagged || set.IsFlagged(night.DayOfWeek));
    }
}
