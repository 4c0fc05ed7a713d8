using HotelPlatform.Connectors.ContractTests.Live;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Fixture;

public sealed class LiveSandboxSweeperTests
{
    private static readonly DateOnly Arrival = new(2027, 1, 10);

    [Fact]
    public void A_live_booking_with_the_kits_client_reference_is_the_kits()
    {
        Assert.True(LiveSandboxSweeper.IsLiveKitBooking(Booking(ReservationStatus.Confirmed, "kit-" + Guid.NewGuid().ToString("N"), Guest("Jane", "Doe"))));
    }

    [Theory]
    [InlineData(ReservationStatus.Cancelled)]
    [InlineData(ReservationStatus.CheckedOut)]
    [InlineData(ReservationStatus.NoShow)]
    public void A_booking_that_is_over_is_left_alone(ReservationStatus status)
    {
        Assert.False(LiveSandboxSweeper.IsLiveKitBooking(Booking(status, "kit-" + Guid.NewGuid().ToString("N"), Guest("Contract", "Kitabcdefgh"))));
    }

    [Theory]
    [InlineData("kit-")]
    [InlineData("kit-not-a-guid")]
    [InlineData("KIT-0123456789abcdef0123456789abcdef")]
    [InlineData("kit-0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("booking-0123456789abcdef0123456789abcdef")]
    public void A_client_reference_that_only_resembles_the_kits_is_a_guests_booking(string reference)
    {
        Assert.False(LiveSandboxSweeper.IsLiveKitBooking(Booking(ReservationStatus.Confirmed, reference, Guest("Contract", "Kitabcdefgh"))));
    }

    [Fact]
    public void Where_the_vendor_gives_no_client_reference_the_kits_made_up_guest_marks_it()
    {
        Assert.True(LiveSandboxSweeper.IsLiveKitBooking(Booking(ReservationStatus.Confirmed, null, Guest("Contract", "Kitqwertzui"))));
    }

    [Theory]
    [InlineData("Contract", "Kitchener")]
    [InlineData("Contract", "Kitabcdefghi")]
    [InlineData("Contract", "KitABCDEFGH")]
    [InlineData("Conrad", "Kitabcdefgh")]
    [InlineData("Contract", "Smith")]
    public void A_guest_who_only_resembles_the_kits_is_left_alone(string firstName, string lastName)
    {
        Assert.False(LiveSandboxSweeper.IsLiveKitBooking(Booking(ReservationStatus.Confirmed, null, Guest(firstName, lastName))));
    }

    private static GuestProfile Guest(string firstName, string lastName) => new(lastName) { FirstName = firstName };

    private static Reservation Booking(ReservationStatus status, string? clientReference, GuestProfile guest) =>
        new("R1", "P1", status, Arrival, Arrival.AddDays(1), guest) { ClientReference = clientReference };
}
