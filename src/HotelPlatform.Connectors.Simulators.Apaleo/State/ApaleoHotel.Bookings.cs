using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>The members of a booking expanded on request (<c>expand=services,propertyValues,…</c>).</summary>
[Flags]
internal enum BookingExpansion
{
    None = 0,
    Services = 1,
    PropertyValues = 2,
}

/// <summary>What a booking holds besides its reservations: its own comments.</summary>
internal sealed record BookingNotes(string? Comment, string? BookerComment);

/// <summary>The booking resource: its reservations, booker and payment account as stored on them, and its own comments.</summary>
internal sealed partial class ApaleoHotel
{
    private readonly Dictionary<string, BookingNotes> _bookingNotes = new(StringComparer.Ordinal);

    /// <summary><c>GET /booking/v1/bookings/{id}</c>: the booking "with all its reservations", or <see langword="null"/> when there is none.</summary>
    public BookingModel? DescribeBooking(string id, BookingExpansion expansion)
    {
        lock (_gate)
        {
            List<StoredReservation> reservations = [.. _reservations.Where(r => r.BookingId == id)];
            if (reservations.Count == 0)
            {
                return null;
            }

            StoredReservation first = reservations[0];
            BookingNotes notes = _bookingNotes.GetValueOrDefault(id) ?? new BookingNotes(null, null);
            List<ReservationModel> described = [.. reservations.Select(r => DescribeLocked(r, expansion.HasFlag(BookingExpansion.Services) ? ReservationExpansion.Services : ReservationExpansion.None, single: false))];

            // booking-v1 has no booking-level modification rule; the latest change of any of its reservations is chosen.
            return new BookingModel(
                Id: id,
                Booker: first.Booker,
                PaymentAccount: described[0].PaymentAccount,
                Comment: notes.Comment,
                BookerComment: notes.BookerComment,
                Created: reservations.Min(r => r.Created),
                Modified: reservations.Max(r => r.Modified),
                PropertyValues: expansion.HasFlag(BookingExpansion.PropertyValues)
                    ? [new PropertyValueModel(Catalog.EmbeddedProperty, Catalog.Money(described.Sum(r => r.TotalGrossAmount.Amount)), Catalog.Money(described.Sum(r => r.Balance.Amount)))]
                    : null,
                Reservations: [.. described.Select(r => new BookingReservationModel(
                    r.Id, r.Status, r.ExternalCode, r.ChannelCode, r.Source, r.PaymentAccount, r.Arrival, r.Departure, r.Adults, r.ChildrenAges,
                    r.TotalGrossAmount, r.Property, r.RatePlan, r.UnitGroup, r.Services, r.GuestComment, r.CancellationFee, r.NoShowFee))]);
        }
    }
}
