using System.Text.Json;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>
/// Splits <see cref="ReservationChanges"/> into Apaleo's two write paths: a JSON Patch for the members
/// <c>PATCH /booking/v1/reservations/{id}</c> allows (comment, guest comment, primary guest) and a
/// <c>DesiredStayDetailsModel</c> for <c>PUT /booking/v1/reservation-actions/{id}/amend</c> (dates, occupancy, rate plan
/// per night).
/// </summary>
internal static class ApaleoChangeMapper
{
    /// <summary>The JSON Pointer of <c>ReservationModel.comment</c>.</summary>
    public const string CommentPath = "/comment";

    /// <summary>The JSON Pointer of <c>ReservationModel.guestComment</c>.</summary>
    public const string GuestCommentPath = "/guestComment";

    /// <summary>The JSON Pointer of <c>ReservationModel.primaryGuest</c>.</summary>
    public const string PrimaryGuestPath = "/primaryGuest";

    /// <summary>
    /// The patch operations for the non-stay changes. Apaleo allows "Add, replace and remove Comment / GuestComment": a
    /// comment is written with <c>add</c>, which RFC 6902 defines as setting the member whether or not it exists (a
    /// <c>replace</c> of an absent member fails), and an empty string removes it. A new primary guest replaces the whole
    /// object ("Replace PrimaryGuest" is the only operation allowed on it), merged over
    /// <paramref name="currentPrimaryGuest"/> so nothing unmodelled is lost. Paths are the members' camelCase JSON
    /// Pointers, as in Apaleo's own patch examples (<c>"path": "/price"</c>).
    /// </summary>
    /// <param name="changes">The changes.</param>
    /// <param name="currentPrimaryGuest">The primary guest as Apaleo has it now, when the guest changes.</param>
    /// <returns>The operations; empty when no non-stay member changes.</returns>
    public static JsonPatchOperation[] ToPatchOperations(ReservationChanges changes, GuestModel? currentPrimaryGuest = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var operations = new List<JsonPatchOperation>();
        AddText(operations, CommentPath, changes.Comment);
        AddText(operations, GuestCommentPath, changes.GuestComment);
        if (changes.PrimaryGuest is { } guest)
        {
            operations.Add(new JsonPatchOperation
            {
                Op = "replace",
                Path = PrimaryGuestPath,
                Value = JsonSerializer.SerializeToNode(ApaleoGuestMapper.ToGuestModel(guest, currentPrimaryGuest), ApaleoJsonContext.Default.GuestModel),
            });
        }

        return [.. operations];
    }

    /// <summary>
    /// The amend body for the stay changes, or <see langword="null"/> when no stay member changes. Every required member
    /// (<c>arrival, departure, adults, timeSlices</c>) is filled from <paramref name="current"/> where the changes leave
    /// it. Each night keeps the rate plan it has now unless a new rate plan is given; nights added by new dates get the
    /// reservation's rate plan. No prices are sent (Apaleo prices the amended stay; <c>requote</c> stays at its default).
    /// </summary>
    /// <param name="changes">The changes.</param>
    /// <param name="current">The reservation as Apaleo has it now (with <c>expand=timeSlices</c> for per-night rate plans).</param>
    /// <param name="propertyZone">The property's time zone, when known.</param>
    /// <returns>The amend body, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The changed stay has no night, or the room type changes without a rate plan of the new room type.</exception>
    public static DesiredStayDetailsModel? ToDesiredStay(ReservationChanges changes, ReservationModel current, TimeZoneInfo? propertyZone = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(current);
        if (!changes.ChangesStay)
        {
            return null;
        }

        var roomTypeChanges = changes.RoomTypeId is not null && !string.Equals(changes.RoomTypeId, current.UnitGroup.Id, StringComparison.Ordinal);
        if (roomTypeChanges && changes.RatePlanId is null)
        {
            // An Apaleo rate plan sells exactly one unit group: the room type changes by booking a rate plan of the new one.
            throw new ArgumentException(
                $"Apaleo changes the room type through the rate plan (each rate plan sells one unit group): set {nameof(ReservationChanges.RatePlanId)} to a rate plan of room type '{changes.RoomTypeId}'.",
                nameof(changes));
        }

        var arrival = changes.Arrival ?? ApaleoValues.ToPropertyDate(current.Arrival, propertyZone);
        var departure = changes.Departure ?? ApaleoValues.ToPropertyDate(current.Departure, propertyZone);
        if (departure <= arrival)
        {
            throw new ArgumentException($"The changed stay would depart on {departure:yyyy-MM-dd}, not after its arrival on {arrival:yyyy-MM-dd}.", nameof(changes));
        }

        var nightlyPlans = (current.TimeSlices ?? [])
            .GroupBy(s => s.ServiceDate)
            .ToDictionary(g => g.Key, g => g.First().RatePlan.Id);
        var nights = arrival.DayNumber < departure.DayNumber ? departure.DayNumber - arrival.DayNumber : 0;
        return new DesiredStayDetailsModel
        {
            Arrival = arrival,
            Departure = departure,
            Adults = changes.Adults ?? current.Adults,
            ChildrenAges = changes.ChildrenAges ?? current.ChildrenAges,
            TimeSlices = [.. Enumerable.Range(0, nights).Select(i => new DesiredTimeSliceModel
            {
                RatePlanId = changes.RatePlanId ?? nightlyPlans.GetValueOrDefault(arrival.AddDays(i), current.RatePlan.Id),
            })],
        };
    }

    /// <summary>
    /// Whether <paramref name="model"/> already has the stay of <paramref name="desired"/>: the same dates, adults,
    /// children and rate plan on every night. The connector asks this before it sends an amendment again whose first
    /// sending may have been applied (the answer was lost), and when Apaleo refuses an amendment, so that a stay that is
    /// already as asked counts as done instead of being amended twice or reported as failed.
    /// </summary>
    /// <param name="desired">The amendment.</param>
    /// <param name="model">The reservation as Apaleo has it now (with <c>expand=timeSlices</c>).</param>
    /// <param name="propertyZone">The property's time zone, when known.</param>
    /// <returns><see langword="true"/> when nothing is left to amend.</returns>
    public static bool IsApplied(DesiredStayDetailsModel desired, ReservationModel model, TimeZoneInfo? propertyZone = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(model);
        var nightlyPlans = (model.TimeSlices ?? [])
            .OrderBy(s => s.ServiceDate)
            .Select(s => s.RatePlan.Id)
            .ToList();
        return ApaleoValues.ToPropertyDate(model.Arrival, propertyZone) == desired.Arrival
               && ApaleoValues.ToPropertyDate(model.Departure, propertyZone) == desired.Departure
               && model.Adults == desired.Adults
               && (model.ChildrenAges ?? []).SequenceEqual(desired.ChildrenAges ?? [])
               && nightlyPlans.SequenceEqual(desired.TimeSlices.Select(s => s.RatePlanId), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether <paramref name="model"/> already carries the comment, guest comment and primary-guest details of
    /// <paramref name="changes"/> (an empty comment meaning none); members the changes leave <see langword="null"/> are
    /// not compared. See <see cref="IsApplied(DesiredStayDetailsModel, ReservationModel, TimeZoneInfo?)"/> for why.
    /// </summary>
    /// <param name="changes">The changes.</param>
    /// <param name="model">The reservation as Apaleo has it now.</param>
    /// <returns><see langword="true"/> when nothing is left to patch.</returns>
    public static bool IsPatchApplied(ReservationChanges changes, ReservationModel model)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(model);
        return SameText(changes.Comment, model.Comment)
               && SameText(changes.GuestComment, model.GuestComment)
               && (changes.PrimaryGuest is not { } wanted
                   || (model.PrimaryGuest is { } guest && ApaleoGuestMapper.ToGuestModel(wanted, guest) == guest));
    }

    private static bool SameText(string? wanted, string? actual) =>
        wanted is null || string.Equals(wanted.Length == 0 ? null : wanted, string.IsNullOrEmpty(actual) ? null : actual, StringComparison.Ordinal);

    private static void AddText(List<JsonPatchOperation> operations, string path, string? value)
    {
        if (value is null)
        {
            return;
        }

        operations.Add(value.Length == 0
            ? new JsonPatchOperation { Op = "remove", Path = path }
            : new JsonPatchOperation { Op = "add", Path = path, Value = System.Text.Json.Nodes.JsonValue.Create(value) });
    }
}
