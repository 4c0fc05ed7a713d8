using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>Maps booking-v1 <c>ReservationModel</c> to the normalised <see cref="Reservation"/>.</summary>
internal static class ApaleoReservationMapper
{
    /// <summary>
    /// Apaleo's reservation status → <see cref="ReservationStatus"/>: Confirmed → Confirmed, InHouse → InHouse,
    /// CheckedOut → CheckedOut, Canceled → Cancelled, NoShow → NoShow; anything else (a value added after the 2021
    /// spec) → Unknown, with the raw value kept in <see cref="Reservation.RawStatus"/>. Apaleo has no tentative or
    /// waitlisted reservation status.
    /// </summary>
    /// <param name="status">The Apaleo status.</param>
    /// <returns>The normalised status.</returns>
    public static ReservationStatus ToStatus(string? status) => status switch
    {
        ApaleoQueryValues.Status.Confirmed => ReservationStatus.Confirmed,
        ApaleoQueryValues.Status.InHouse => ReservationStatus.InHouse,
        ApaleoQueryValues.Status.CheckedOut => ReservationStatus.CheckedOut,
        ApaleoQueryValues.Status.Canceled => ReservationStatus.Cancelled,
        ApaleoQueryValues.Status.NoShow => ReservationStatus.NoShow,
        _ => ReservationStatus.Unknown,
    };

    /// <summary>
    /// <c>ReservationModel</c> → <see cref="Reservation"/>. The reservation id (<c>XPGMSXGF-1</c>) is also the
    /// confirmation number a guest quotes. <c>externalCode</c> is one field with two uses: on reservations the connector
    /// books (channel <paramref name="ownChannelCode"/>) it holds the caller's client reference; on reservations sold by
    /// another channel (BookingCom, Expedia, ...) it holds that channel's booking number, so it maps to
    /// <see cref="Reservation.ExternalReference"/> instead.
    /// </summary>
    /// <param name="model">The reservation.</param>
    /// <param name="propertyZone">The property's time zone, when known (see <see cref="ApaleoValues.ToPropertyDate"/>).</param>
    /// <param name="ownChannelCode">The channel the connector books under.</param>
    /// <returns>The reservation.</returns>
    public static Reservation ToReservation(ReservationModel model, TimeZoneInfo? propertyZone = null, string ownChannelCode = ApaleoQueryValues.DirectChannel)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ours = string.Equals(model.ChannelCode, ownChannelCode, StringComparison.Ordinal);
        var externalCode = string.IsNullOrWhiteSpace(model.ExternalCode) ? null : model.ExternalCode;

        // Every booking example has a primary guest; the 2021 schema does not require one, and a reservation without
        // any guest still has to be listed, so the booker stands in and, failing that, an empty last name.
        var guest = model.PrimaryGuest ?? model.Booker;
        return new Reservation(
            model.Id,
            model.Property.Id,
            ToStatus(model.Status),
            ApaleoValues.ToPropertyDate(model.Arrival, propertyZone),
            ApaleoValues.ToPropertyDate(model.Departure, propertyZone),
            guest is null ? new GuestProfile(string.Empty) : ApaleoGuestMapper.ToGuestProfile(guest))
        {
            ConfirmationNumber = model.Id,
            RawStatus = model.Status,
            RoomTypeId = model.UnitGroup.Id,
            RatePlanId = model.RatePlan.Id,
            Adults = model.Adults,
            ChildrenAges = model.ChildrenAges ?? [],
            AdditionalGuests = model.AdditionalGuests is { Count: > 0 } additional ? [.. additional.Select(ApaleoGuestMapper.ToGuestProfile)] : [],
            Total = model.TotalGrossAmount is { } total ? ApaleoValues.ToMoney(total) : null,
            NightlyRates = ToNightlyRates(model.TimeSlices),
            Services = model.Services is { Count: > 0 } services ? [.. services.Select(ApaleoServiceMapper.ToReservationService)] : [],
            ClientReference = ours ? externalCode : null,
            ExternalReference = ours ? null : externalCode,
            Comment = model.Comment,
            GuestComment = model.GuestComment,
            CreatedAt = model.Created,
            ModifiedAt = model.Modified,
            CancelledAt = model.CancellationTime,
        };
    }

    /// <summary>
    /// The time slices (present with <c>expand=timeSlices</c>) → <see cref="Reservation.NightlyRates"/>: each slice's
    /// <c>serviceDate</c> is the night and its <c>totalGrossAmount</c> what the night costs, package elements of the rate
    /// included (the slice's <c>baseAmount</c> is the room alone). Apaleo's <c>totalGrossAmount</c> of the reservation
    /// adds the extras to the slices. Without slices (listings, which do not expand them) the breakdown is empty.
    /// </summary>
    /// <param name="slices">The time slices, if expanded.</param>
    /// <returns>The nights in date order.</returns>
    public static IReadOnlyList<NightlyRate> ToNightlyRates(IReadOnlyList<TimeSliceModel>? slices) =>
        slices is null or { Count: 0 }
            ? []
            : [.. slices.OrderBy(s => s.ServiceDate).Select(s => new NightlyRate(s.ServiceDate, ApaleoValues.ToMoney(s.TotalGrossAmount)))];
}
