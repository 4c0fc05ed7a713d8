namespace HotelPlatform.Connectors.Cloudbeds;

/// <summary>
/// The API address of a Cloudbeds property could not be discovered: <c>GET /oauth/metadata</c> was refused, or answered
/// without a usable <c>data.api.url</c>. The message names the hotel and the property. Failures of the credential
/// (<see cref="PmsAuthenticationException"/>), the quota (<see cref="PmsRateLimitedException"/>) and the network
/// (<see cref="PmsUnavailableException"/>) are reported as those instead. Nothing is kept: the next call looks again.
/// </summary>
public sealed class CloudbedsApiAddressException : PmsException
{
    /// <summary>Initializes a new instance of the <see cref="CloudbedsApiAddressException"/> class.</summary>
    public CloudbedsApiAddressException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CloudbedsApiAddressException"/> class.</summary>
    /// <param name="message">The message.</param>
    public CloudbedsApiAddressException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CloudbedsApiAddressException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The refusal of the lookup, where Cloudbeds refused it.</param>
    public CloudbedsApiAddressException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the hotel's key (as registered with <c>AddCloudbeds</c>).</summary>
    public string? HotelId { get; init; }

    /// <summary>Gets the Cloudbeds property id.</summary>
    public string? PropertyId { get; init; }
}
