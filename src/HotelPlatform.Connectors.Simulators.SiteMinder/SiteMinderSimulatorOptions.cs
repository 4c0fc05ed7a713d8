namespace HotelPlatform.Connectors.Simulators.SiteMinder;

/// <summary>The SiteMinder side of a <see cref="SiteMinderSimulator"/>: the credentials it accepts, the PMS and hotel it knows, what it seeds.</summary>
public sealed class SiteMinderSimulatorOptions
{
    /// <summary>The user name accepted by default.</summary>
    public const string DefaultUsername = "hotelplatform-pms";

    /// <summary>The password accepted by default (a test value, not a secret).</summary>
    public const string DefaultPassword = "Simulated-Pa55word!";

    /// <summary>Gets or sets the UsernameToken user name the endpoint accepts.</summary>
    public string Username { get; set; } = DefaultUsername;

    /// <summary>Gets or sets the UsernameToken password the endpoint accepts (PasswordText only, as pmsXchange).</summary>
    public string Password { get; set; } = DefaultPassword;

    /// <summary>Gets or sets the PMS code (the <c>RequestorID</c> and the last segment of the endpoint path <c>/webservices/{RequestorID}</c>).</summary>
    public string RequestorId { get; set; } = "HPCPMS";

    /// <summary>Gets or sets the hotel code the endpoint knows.</summary>
    public string HotelCode { get; set; } = "SMHOTEL1";

    /// <summary>Gets the room type codes mapped for the hotel (an ARI push for another is refused with error 402).</summary>
    public IList<string> RoomTypeCodes { get; } = ["DBL", "TWN", "STE"];

    /// <summary>Gets the rate plan codes mapped for the hotel (a push for another is refused with error 249).</summary>
    public IList<string> RatePlanCodes { get; } = ["BAR", "NRF"];

    /// <summary>Gets or sets the currency of the seeded reservations.</summary>
    public string Currency { get; set; } = "AUD";

    /// <summary>Gets or sets how many channel bookings are queued, undelivered, when the simulator is made (0 to 50). Default 2.</summary>
    public int SeededBookings { get; set; } = 2;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrWhiteSpace(Password) || string.IsNullOrWhiteSpace(RequestorId) || string.IsNullOrWhiteSpace(HotelCode))
        {
            throw new ArgumentException("Username, Password, RequestorId and HotelCode are required.");
        }

        if (RoomTypeCodes.Count == 0 || RatePlanCodes.Count == 0)
        {
            throw new ArgumentException("At least one room type and one rate plan code are mapped.");
        }

        if (SeededBookings is < 0 or > 50)
        {
            throw new ArgumentException("SeededBookings is from 0 to 50.");
        }
    }
}
