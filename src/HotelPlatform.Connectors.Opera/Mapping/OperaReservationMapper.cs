using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Mapping;

/// <summary>Maps OHIP reservations (rsv <c>hotelReservationType</c>, search <c>reservationInfoType</c>) to and from the common model.</summary>
internal static class OperaReservationMapper
{
    /// <summary>The <c>type</c> of the reservation's OPERA id in <c>reservationIdList</c>.</summary>
    public const string ReservationIdType = "Reservation";

    /// <summary>The <c>type</c> of the confirmation number in <c>reservationIdList</c>.</summary>
    public const string ConfirmationIdType = "Confirmation";

    /// <summary>The comment title of the internal note (<see cref="Reservation.Comment"/>).</summary>
    public const string NoteTitle = "Note";

    /// <summary>The comment title of the guest's comment (<see cref="Reservation.GuestComment"/>).</summary>
    public const string GuestCommentTitle = "Guest Comment";

    /// <summary>The comment type used for both (rsv examples use <c>RESERVATION</c>).</summary>
    public const string CommentType = "RESERVATION";

    /// <summary>OPERA's <c>pMS_ResStatusType</c> in the common vocabulary.</summary>
    public static ReservationStatus ToStatus(string? status) => status switch
    {
        "Reserved" or "DueIn" or "Requested" => ReservationStatus.Confirmed,
        "InHouse" or "DueOut" or "Walkin" or "PendingCheckout" => ReservationStatus.InHouse,
        "CheckedOut" => ReservationStatus.CheckedOut,
        "Cancelled" => ReservationStatus.Cancelled,
        "NoShow" => ReservationStatus.NoShow,
        "Waitlisted" => ReservationStatus.Waitlisted,
        _ => ReservationStatus.Unknown,
    };

    public static string? IdOf(IReadOnlyList<UniqueId>? ids, string type) =>
        ids?.FirstOrDefault(i => string.Equals(i.Type, type, StringComparison.OrdinalIgnoreCase))?.Id;

    public static string? ClientReferenceOf(IReadOnlyList<ExternalReference>? references, string externalSystemCode) =>
        references?.FirstOrDefault(r => string.Equals(r.IdContext, externalSystemCode, StringComparison.OrdinalIgnoreCase))?.Id;

    /// <summary>A full reservation (getReservation).</summary>
    public static Reservation ToReservation(HotelReservation model, string hotelCode, string currency, string externalSystemCode)
    {
        var stay = model.RoomStay ?? new RoomStay();
        var rate = stay.RoomRates?.FirstOrDefault();
        var guests = model.ReservationGuests ?? [];
        var primary = guests.FirstOrDefault(g => g.Primary == true) ?? guests.FirstOrDefault();
        var counts = stay.GuestCounts ?? rate?.GuestCounts;
        var status = model.ReservationStatus ?? model.ComputedReservationStatus;
        var nightly = (stay.RoomRates ?? []).SelectMany(r => r.Rates?.Rate ?? []).SelectMany(r => Nights(r, currency)).ToList();
        return new Reservation(
            IdOf(model.ReservationIdList, ReservationIdType) ?? string.Empty,
            model.HotelId ?? hotelCode,
            ToStatus(status),
            stay.ArrivalDate ?? default,
            stay.DepartureDate ?? default,
            primary is null ? new GuestProfile(string.Empty) : OperaGuestMapper.ToGuest(primary.ProfileInfo))
        {
            ConfirmationNumber = IdOf(model.ReservationIdList, ConfirmationIdType),
            RawStatus = status,
            RoomTypeId = rate?.RoomType,
            RatePlanId = rate?.RatePlanCode,
            Adults = counts?.Adults ?? 1,
            ChildrenAges = [.. (counts?.ChildAges ?? []).Select(a => a.Age ?? 0)],
            AdditionalGuests = [.. guests.Where(g => !ReferenceEquals(g, primary)).Select(g => OperaGuestMapper.ToGuest(g.ProfileInfo))],
            Total = ToMoney(stay.Total, currency),
            NightlyRates = nightly,
            Services = OperaPackageMapper.ToServices(model.ReservationPackages, currency),
            ClientReference = ClientReferenceOf(model.ExternalReferences, externalSystemCode),
            ExternalReference = model.ExternalReferences?.FirstOrDefault(r => !string.Equals(r.IdContext, externalSystemCode, StringComparison.OrdinalIgnoreCase))?.Id,
            Comment = CommentText(model.Comments, internalNote: true),
            GuestComment = CommentText(model.Comments, internalNote: false),
            CreatedAt = model.CreateDateTime,
            ModifiedAt = model.LastModifyDateTime,
            CancelledAt = ToStatus(status) == ReservationStatus.Cancelled ? model.LastModifyDateTime : null,
        };
    }

    /// <summary>A search result (getHotelReservations' <c>reservationInfoType</c>): no nightly rates, no comments.</summary>
    public static Reservation ToReservation(ReservationInfo model, string hotelCode, string currency, string externalSystemCode)
    {
        var stay = model.RoomStay ?? new StayInfo();
        var guest = model.ReservationGuest;
        var status = model.ReservationStatus ?? model.ComputedReservationStatus;
        return new Reservation(
            IdOf(model.ReservationIdList, ReservationIdType) ?? string.Empty,
            model.HotelId ?? hotelCode,
            ToStatus(status),
            stay.ArrivalDate ?? default,
            stay.DepartureDate ?? default,
            new GuestProfile(guest?.Surname ?? string.Empty) { FirstName = guest?.GivenName, Email = guest?.Email, VendorId = guest?.Id })
        {
            ConfirmationNumber = IdOf(model.ReservationIdList, ConfirmationIdType),
            RawStatus = status,
            RoomTypeId = stay.RoomType,
            RatePlanId = stay.RatePlanCode,
            Adults = stay.AdultCount ?? 1,
            Total = stay.TotalAmount?.Amount is { } amount ? new Money(amount, stay.TotalAmount.CurrencyCode ?? currency) : null,
            ClientReference = ClientReferenceOf(model.ExternalReferences, externalSystemCode),
            CreatedAt = model.CreateDateTime,
            ModifiedAt = model.LastModifyDateTime,
            CancelledAt = ToStatus(status) == ReservationStatus.Cancelled ? model.LastModifyDateTime : null,
        };
    }

    /// <summary>The <c>hotelReservationType</c> of a new reservation.</summary>
    public static HotelReservation ToNewReservation(ReservationDraft draft, OperaOptions options)
    {
        var counts = Counts(draft.Adults, draft.ChildrenAges);
        return new HotelReservation
        {
            HotelId = options.PropertyId,
            ExternalReferences = draft.ClientReference is null ? null : [new ExternalReference(draft.ClientReference, options.ExternalSystemCode)],
            RoomStay = Stay(draft.Arrival, draft.Departure, draft.RoomTypeId, draft.RatePlanId, counts, options),
            ReservationGuests = [new ReservationGuest(OperaGuestMapper.ToProfileInfo(draft.PrimaryGuest), true)],
            Comments = Comments(draft.Comment, draft.GuestComment),
            ReservationPackages = draft.Services.Count == 0 ? null : [.. draft.Services.SelectMany(s => OperaPackageMapper.ToPackages(s, draft.Arrival, draft.Departure))],
        };
    }

    /// <summary>The <c>hotelReservationInstructionType</c> of a change: the stay and guest as they should be afterwards.</summary>
    public static HotelReservation ToChange(string reservationId, ReservationChanges changes, Reservation current, OperaOptions options)
    {
        RoomStay? stay = null;
        if (changes.ChangesStay)
        {
            var arrival = changes.Arrival ?? current.Arrival;
            var departure = changes.Departure ?? current.Departure;
            stay = Stay(
                arrival,
                departure,
                changes.RoomTypeId ?? current.RoomTypeId ?? string.Empty,
                changes.RatePlanId ?? current.RatePlanId ?? string.Empty,
                Counts(changes.Adults ?? current.Adults, changes.ChildrenAges ?? current.ChildrenAges),
                options) with { Guarantee = null };
        }

        return new HotelReservation
        {
            ReservationIdList = [new UniqueId(reservationId, ReservationIdType)],
            HotelId = options.PropertyId,
            RoomStay = stay,
            ReservationGuests = changes.PrimaryGuest is null ? null : [new ReservationGuest(OperaGuestMapper.ToProfileInfo(changes.PrimaryGuest, withDetails: true), true)],
            Comments = Comments(changes.Comment, changes.GuestComment),
        };
    }

    /// <summary>Whether an existing reservation with the draft's client reference is the same booking (a repeat) rather than another one.</summary>
    public static bool IsSameBooking(ReservationDraft draft, Reservation existing) =>
        draft.Arrival == existing.Arrival && draft.Departure == existing.Departure
        && string.Equals(draft.RoomTypeId, existing.RoomTypeId, StringComparison.Ordinal)
        && string.Equals(draft.RatePlanId, existing.RatePlanId, StringComparison.Ordinal)
        && draft.Adults == existing.Adults
        && string.Equals(draft.PrimaryGuest.LastName, existing.PrimaryGuest.LastName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a reservation already is as a change asks (so a write whose outcome was unknown is not sent twice).</summary>
    public static bool IsApplied(ReservationChanges changes, Reservation now) =>
        (changes.Arrival is null || changes.Arrival == now.Arrival)
        && (changes.Departure is null || changes.Departure == now.Departure)
        && (changes.Adults is null || changes.Adults == now.Adults)
        && (changes.RoomTypeId is null || changes.RoomTypeId == now.RoomTypeId)
        && (changes.RatePlanId is null || changes.RatePlanId == now.RatePlanId)
        && (changes.Comment is null || changes.Comment == now.Comment)
        && (changes.GuestComment is null || changes.GuestComment == now.GuestComment)
        && (changes.PrimaryGuest is null || (changes.PrimaryGuest.LastName == now.PrimaryGuest.LastName && changes.PrimaryGuest.FirstName == now.PrimaryGuest.FirstName));

    private static RoomStay Stay(DateOnly arrival, DateOnly departure, string roomType, string ratePlan, GuestCounts counts, OperaOptions options) => new()
    {
        ArrivalDate = arrival,
        DepartureDate = departure,
        GuestCounts = counts,
        Guarantee = options.GuaranteeCode is null ? null : new Guarantee(options.GuaranteeCode),
        RoomRates =
        [
            new RoomRate
            {
                RoomType = roomType,
                RatePlanCode = ratePlan,
                Start = arrival,
                End = departure.AddDays(-1),
                NumberOfUnits = 1,
                GuestCounts = counts,
                MarketCode = options.MarketCode,
                SourceCode = options.SourceCode,
            },
        ],
    };

    private static GuestCounts Counts(int adults, IReadOnlyList<int> childrenAges) => new()
    {
        Adults = adults,
        Children = childrenAges.Count,
        ChildAges = childrenAges.Count == 0 ? null : [.. childrenAges.Select(a => new ChildAge(a))],
    };

    private static IReadOnlyList<CommentInfo>? Comments(string? note, string? guestComment)
    {
        var comments = new List<CommentInfo>();
        if (note is not null)
        {
            comments.Add(new CommentInfo(new CommentModel { Text = new FormattedText(note), CommentTitle = NoteTitle, Type = CommentType, Internal = true }));
        }

        if (guestComment is not null)
        {
            comments.Add(new CommentInfo(new CommentModel { Text = new FormattedText(guestComment), CommentTitle = GuestCommentTitle, Type = CommentType, Internal = false }));
        }

        return comments.Count == 0 ? null : comments;
    }

    /// <summary>The reservation's own comments (type <c>RESERVATION</c>; cashier and other desks' comments are not the guest's).</summary>
    private static string? CommentText(IReadOnlyList<CommentInfo>? comments, bool internalNote) =>
        comments?.Select(c => c.Comment)
            .LastOrDefault(c => c is not null && (c.Type is null || c.Type == CommentType) && (c.Internal ?? false) == internalNote)?.Text?.Value;

    /// <summary>The nights a rate covers (<c>start</c> to <c>end</c>, both nights), each at the rate's base amount.</summary>
    internal static IEnumerable<NightlyRate> Nights(RateAmount rate, string currency)
    {
        if (rate.Start is not { } start || ToMoney(rate.Base ?? rate.Total, currency) is not { } amount)
        {
            yield break;
        }

        for (var night = start; night <= (rate.End ?? start); night = night.AddDays(1))
        {
            yield return new NightlyRate(night, amount);
        }
    }

    internal static Money? ToMoney(TotalModel? total, string currency) =>
        (total?.AmountAfterTax ?? total?.AmountBeforeTax) is { } amount ? new Money(amount, string.IsNullOrEmpty(total!.CurrencyCode) ? currency : total.CurrencyCode) : null;
}
