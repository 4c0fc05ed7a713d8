namespace HotelPlatform.Connectors.Simulators.Cloudbeds;

/// <summary>Settings of a <see cref="CloudbedsSimulator"/>: the key it accepts, the property it serves and its quota.</summary>
public sealed class CloudbedsSimulatorOptions
{
    /// <summary>The API key accepted by default.</summary>
    public const string DefaultApiKey = "cbat_simulator_key_0000000000000000";

    /// <summary>Gets or sets the <c>x-api-key</c> the simulator accepts.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>Gets or sets the OAuth2 client id of the app the simulator knows (<c>POST /access_token</c>).</summary>
    public string ClientId { get; set; } = "live1_simulator_client";

    /// <summary>Gets or sets that app's client secret.</summary>
    public string ClientSecret { get; set; } = "simulator-client-secret-0000";

    /// <summary>Gets or sets that app's registered redirect URI (the default of <see cref="CloudbedsAuthorizationServer.Authorize"/>).</summary>
    public Uri RedirectUri { get; set; } = new("https://app.example.com/cloudbeds/callback");

    /// <summary>Gets or sets how long an access token is accepted, on the simulator's clock (<c>expires_in</c>; Cloudbeds does not document it, 3600 s is common).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the property id.</summary>
    public string PropertyId { get; set; } = "172982";

    /// <summary>Gets or sets the property's name.</summary>
    public string PropertyName { get; set; } = "Casa Simulada Lisboa";

    /// <summary>Gets or sets the property's IANA time zone.</summary>
    public string TimeZone { get; set; } = "Europe/Lisbon";

    /// <summary>Gets or sets the property's currency.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Gets or sets the requests per second per key the simulator answers before refusing (Cloudbeds' stricter published figure, 5).</summary>
    public int RequestsPerSecond { get; set; } = 5;

    /// <summary>
    /// Gets or sets how long, on the simulator's clock, a rate job queued by patchRate stays <c>in_progress</c> before it
    /// is applied (Cloudbeds applies rate updates asynchronously and documents no processing time). With zero, the job is
    /// applied when the next request arrives, never within the patchRate call itself.
    /// </summary>
    public TimeSpan RateJobDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>What a <see cref="CloudbedsSimulator"/> seeded, relative to the day it started (property time).</summary>
/// <param name="PropertyId">The property.</param>
/// <param name="RoomTypeId">The main room type (double, 10 rooms, sleeps 2).</param>
/// <param name="RateId">The main room type's standard rate.</param>
/// <param name="FirstFreeNight">The first night after every seeded stay and restriction.</param>
/// <param name="RoomsPerNight">Rooms of the main room type.</param>
/// <param name="SoldOutRoomTypeId">The room type sold out on <paramref name="SoldOutNight"/>.</param>
/// <param name="SoldOutRateId">Its rate.</param>
/// <param name="SoldOutNight">The night it is sold out.</param>
/// <param name="RestrictedDate">The arrival date on which the main rate has a minimum stay.</param>
/// <param name="RestrictedMinStay">That minimum stay.</param>
/// <param name="KnownGuestId">A guest with a past stay.</param>
/// <param name="KnownGuestFirstName">Their first name.</param>
/// <param name="KnownGuestLastName">Their last name.</param>
/// <param name="KnownGuestEmail">Their e-mail address.</param>
/// <param name="KnownGuestPhone">Their phone number.</param>
/// <param name="ItemId">An item sold to guests (breakfast).</param>
public sealed record CloudbedsScenario(
    string PropertyId,
    string RoomTypeId,
    string RateId,
    DateOnly FirstFreeNight,
    int RoomsPerNight,
    string SoldOutRoomTypeId,
    string SoldOutRateId,
    DateOnly SoldOutNight,
    DateOnly RestrictedDate,
    int RestrictedMinStay,
    string KnownGuestId,
    string KnownGuestFirstName,
    string KnownGuestLastName,
    string KnownGuestEmail,
    string KnownGuestPhone,
    string ItemId);
