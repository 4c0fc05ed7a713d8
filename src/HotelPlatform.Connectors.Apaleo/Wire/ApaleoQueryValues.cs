namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>The enumerated query and body values the connector sends, spelled as in the Apaleo specs.</summary>
internal static class ApaleoQueryValues
{
    /// <summary>
    /// The largest page the connector asks for. The specs disagree (booking-v1 2021: no limit; 2026 inventory, rate
    /// plan and availability specs: "Maximum: 500"); the newest apaleo.dev pagination guide says 200 for business data
    /// and rejects larger pages [D], so 200 is safe everywhere.
    /// </summary>
    public const int MaxPageSize = 200;

    /// <summary>The page size used when the caller names none.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The channel the connector books under (booking-v1 <c>ChannelCode</c> enum value for the hotel's own sales).</summary>
    public const string DirectChannel = "Direct";

    /// <summary>The overnight time slice template (availability-v1, booking-v1 <c>timeSliceTemplate</c>).</summary>
    public const string OverNight = "OverNight";

    /// <summary>The unit group type of bedrooms (inventory-v1 <c>unitGroupTypes</c>: BedRoom, MeetingRoom, EventSpace, ParkingLot, Other).</summary>
    public const string BedRoom = "BedRoom";

    /// <summary>Reservation statuses of booking-v1 <c>ReservationStatus</c>.</summary>
    public static class Status
    {
        public const string Confirmed = "Confirmed";
        public const string InHouse = "InHouse";
        public const string CheckedOut = "CheckedOut";
        public const string Canceled = "Canceled";
        public const string NoShow = "NoShow";
    }

    /// <summary>Values of the <c>dateFilter</c> query parameter of <c>GET /booking/v1/reservations</c>.</summary>
    public static class DateFilter
    {
        public const string Arrival = "Arrival";
        public const string Departure = "Departure";
        public const string Stay = "Stay";
        public const string Creation = "Creation";
        public const string Modification = "Modification";
        public const string Cancellation = "Cancellation";
    }

    /// <summary>Values of the <c>expand</c> query parameter of the reservation endpoints.</summary>
    public static class ReservationExpand
    {
        public const string TimeSlices = "timeSlices";
        public const string Services = "services";
        public const string Booker = "booker";

        /// <summary>What the connector asks for when it reads a reservation: the nights and the extras.</summary>
        public static readonly IReadOnlyList<string> Default = [TimeSlices, Services];

        /// <summary>What a listing asks for: the extras (the nights would only make the pages heavier).</summary>
        public static readonly IReadOnlyList<string> Listing = [Services];

        /// <summary>What a guest search asks for: the booker, a guest of the reservation too.</summary>
        public static readonly IReadOnlyList<string> GuestSearch = [Booker];
    }

    /// <summary>Values of the <c>sort</c> query parameter of <c>GET /booking/v1/reservations</c>.</summary>
    public static class ReservationSort
    {
        /// <summary>A stable order, so that pages do not shift while they are fetched.</summary>
        public const string IdAscending = "id:asc";

        /// <summary>Newest first: a guest search meets the most recent guest details first.</summary>
        public const string CreatedDescending = "created:desc";
    }
}
