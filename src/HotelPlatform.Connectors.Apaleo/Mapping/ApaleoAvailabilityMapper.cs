using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>Maps <c>GET /availability/v1/unit-groups</c> answers to the normalised <see cref="AvailabilityGrid"/>.</summary>
internal static class ApaleoAvailabilityMapper
{
    /// <summary>The query dates for a stay: from the arrival to the last night, because Apaleo includes the <c>to</c> day.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The <c>from</c> and <c>to</c> query values.</returns>
    public static (DateOnly From, DateOnly To) ToQueryRange(AvailabilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Arrival, request.Departure.AddDays(-1));
    }

    /// <summary>
    /// Builds the grid: one row per unit group, one cell per night from the arrival to the night before departure.
    /// Available is the unit group's <c>sellableCount</c> ("available for selling already considering any defined
    /// overbooking limits", and capped by the property's sellable units), never below zero. A night Apaleo did not
    /// answer for counts as 0 sellable: nothing is promised that the PMS did not confirm. The availability answer
    /// carries no stay restrictions, so every cell has <see cref="StayRestrictions.None"/>.
    /// </summary>
    /// <param name="propertyId">The property.</param>
    /// <param name="request">The request (dates and optional room-type filter).</param>
    /// <param name="pages">Every page of the answer (none for a 204).</param>
    /// <param name="propertyZone">The property's time zone, when known (see <see cref="ApaleoValues.ToPropertyDate"/>).</param>
    /// <returns>The grid.</returns>
    public static AvailabilityGrid ToAvailabilityGrid(
        string propertyId,
        AvailabilityRequest request,
        IEnumerable<AvailableUnitGroupListModel> pages,
        TimeZoneInfo? propertyZone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pages);

        var wanted = request.RoomTypeIds.Count == 0 ? null : new HashSet<string>(request.RoomTypeIds, StringComparer.Ordinal);
        var order = new List<string>();
        var cells = new Dictionary<string, Dictionary<DateOnly, int>>(StringComparer.Ordinal);
        foreach (var slice in pages.SelectMany(p => p.TimeSlices))
        {
            var night = ApaleoValues.ToPropertyDate(slice.From, propertyZone);
            if (night < request.Arrival || night >= request.Departure)
            {
                continue;
            }

            foreach (var item in slice.UnitGroups)
            {
                var id = item.UnitGroup.Id;
                if (wanted is not null && !wanted.Contains(id))
                {
                    continue;
                }

                if (!cells.TryGetValue(id, out var nights))
                {
                    nights = [];
                    cells[id] = nights;
                    order.Add(id);
                }

                nights[night] = Math.Max(0, item.SellableCount);
            }
        }

        if (wanted is not null)
        {
            // A requested room type Apaleo did not mention at all is reported as sold out rather than silently dropped.
            foreach (var id in request.RoomTypeIds.Where(id => !cells.ContainsKey(id)))
            {
                cells[id] = [];
                order.Add(id);
            }
        }

        var rows = order.Select(id => new RoomTypeAvailability(
                id,
                [.. Enumerable.Range(0, request.Nights).Select(offset =>
                {
                    var night = request.Arrival.AddDays(offset);
                    return new NightAvailability(night, cells[id].GetValueOrDefault(night));
                })]))
            .ToList();
        return new AvailabilityGrid(propertyId, request.Arrival, request.Departure, rows);
    }
}
