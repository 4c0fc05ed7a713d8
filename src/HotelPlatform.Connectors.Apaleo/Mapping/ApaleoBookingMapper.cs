using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>Maps a <see cref="ReservationDraft"/> to the body of <c>POST /booking/v1/bookings</c>.</summary>
internal static class ApaleoBookingMapper
{
    /// <summary>
    /// <see cref="ReservationDraft"/> → booking-v1 <c>CreateBookingModel</c> with one reservation:
    /// <list type="bullet">
    /// <item>the primary guest is also the <c>booker</c> (required by the schema; the draft has no separate booker);</item>
    /// <item><c>timeSlices</c>: one per night, in order, each with the draft's <c>ratePlanId</c>; <c>totalAmount</c> only when
    /// <paramref name="nightlyPrices"/> pins the prices (an amount sent overrides Apaleo's own rate, so none is invented);</item>
    /// <item><c>externalCode</c> = <paramref name="clientReference"/>: the same value travels as the <c>Idempotency-Key</c>
    /// header, which Apaleo honours for 24 hours, and stays searchable afterwards through
    /// <c>GET /booking/v1/reservations?externalCode=</c>;</item>
    /// <item><c>guaranteeType</c> is left out so that Apaleo applies the rate plan's minimum guarantee.</item>
    /// </list>
    /// The room type is implied by the rate plan (an Apaleo rate plan sells one unit group), so it is not sent.
    /// </summary>
    /// <param name="draft">The draft, already validated with <see cref="PmsArguments.Validate(ReservationDraft?, string?)"/>.</param>
    /// <param name="clientReference">The client reference: the draft's, or the one the connector made for this call.</param>
    /// <param name="channelCode">The channel to book under.</param>
    /// <param name="nightlyPrices">The gross price of each night to book at, or <see langword="null"/> to let Apaleo price the stay.</param>
    /// <param name="source">The reservation's source (one of the account's sources), or <see langword="null"/>; Apaleo requires one with channel ChannelManager.</param>
    /// <returns>The booking.</returns>
    public static CreateBookingModel ToCreateBooking(
        ReservationDraft draft,
        string clientReference,
        string channelCode = ApaleoQueryValues.DirectChannel,
        IReadOnlyList<NightlyRate>? nightlyPrices = null,
        string? source = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelCode);
        if (nightlyPrices is not null
            && (nightlyPrices.Count != draft.Nights || nightlyPrices.Select((n, i) => n.Date != draft.Arrival.AddDays(i)).Any(mismatch => mismatch)))
        {
            throw new ArgumentException($"One price per night from {draft.Arrival:yyyy-MM-dd} to the night before {draft.Departure:yyyy-MM-dd} is required, in order.", nameof(nightlyPrices));
        }

        var guest = ApaleoGuestMapper.ToGuestModel(draft.PrimaryGuest);
        var reservation = new CreateReservationModel
        {
            Arrival = draft.Arrival,
            Departure = draft.Departure,
            Adults = draft.Adults,
            ChildrenAges = draft.ChildrenAges.Count == 0 ? null : draft.ChildrenAges,
            Comment = draft.Comment,
            GuestComment = draft.GuestComment,
            ExternalCode = clientReference,
            ChannelCode = channelCode,
            Source = string.IsNullOrWhiteSpace(source) ? null : source,
            PrimaryGuest = guest,
            TimeSlices = [.. Enumerable.Range(0, draft.Nights).Select(i => new CreateReservationTimeSliceModel
            {
                RatePlanId = draft.RatePlanId,
                TotalAmount = nightlyPrices is null ? null : new MonetaryValueModel(nightlyPrices[i].Amount.Amount, nightlyPrices[i].Amount.Currency),
            })],
            Services = draft.Services.Count == 0 ? null : [.. draft.Services.Select(order => ApaleoServiceMapper.ToBookService(order))],
        };
        return new CreateBookingModel { Booker = guest, Reservations = [reservation] };
    }

    /// <summary>
    /// The reservation id in a 201 answer. A booking of one reservation has one id; Apaleo's id is
    /// <c>&lt;bookingId&gt;-&lt;n&gt;</c> (<c>XPGMSXGF-1</c>).
    /// </summary>
    /// <param name="created">The answer.</param>
    /// <returns>The reservation id.</returns>
    /// <exception cref="PmsException">The answer names no reservation.</exception>
    public static string ToReservationId(BookingCreatedModel created)
    {
        ArgumentNullException.ThrowIfNull(created);
        return created.ReservationIds.FirstOrDefault()?.Id
               ?? throw new PmsException($"Apaleo created booking '{created.Id}' but named no reservation in it.") { Vendor = PmsVendors.Apaleo };
    }
}
