using System.Net;

namespace HotelPlatform.Connectors;

/// <summary>A failure reported by, or on the way to, a PMS. Messages never carry secrets or guest personal data.</summary>
public class PmsException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PmsException"/> class.</summary>
    public PmsException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PmsException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PmsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the vendor (<see cref="PmsVendors"/>).</summary>
    public string? Vendor { get; init; }

    /// <summary>Gets the connector operation that failed (for example <c>CreateReservation</c>).</summary>
    public string? Operation { get; init; }

    /// <summary>Gets the vendor's error code, where it sent one.</summary>
    public string? VendorErrorCode { get; init; }

    /// <summary>Gets the vendor's request or tracking identifier, for the vendor's support.</summary>
    public string? VendorRequestId { get; init; }

    /// <summary>Gets the HTTP status code of the vendor's answer, where there was one.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>Gets a value indicating whether repeating the same call later may succeed.</summary>
    public virtual bool IsTransient => false;
}

/// <summary>The vendor refused the credentials (HTTP 401/403 on authentication).</summary>
public class PmsAuthenticationException : PmsException
{
    /// <summary>Initializes a new instance of the <see cref="PmsAuthenticationException"/> class.</summary>
    public PmsAuthenticationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsAuthenticationException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PmsAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsAuthenticationException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PmsAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The vendor refused the call because the rate limit was exceeded (HTTP 429).</summary>
public class PmsRateLimitedException : PmsException
{
    /// <summary>Initializes a new instance of the <see cref="PmsRateLimitedException"/> class.</summary>
    public PmsRateLimitedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsRateLimitedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PmsRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsRateLimitedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PmsRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets how long the vendor asked to wait (<c>Retry-After</c>), where it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>The vendor refused the request's content (HTTP 400/422, or a business-rule failure meant for the user).</summary>
public class PmsValidationException : PmsException
{
    /// <summary>Initializes a new instance of the <see cref="PmsValidationException"/> class.</summary>
    public PmsValidationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsValidationException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PmsValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsValidationException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PmsValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the field the vendor named, where it named one.</summary>
    public string? Field { get; init; }

    /// <summary>Gets every message the vendor returned.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];
}

/// <summary>The entity does not exist at the vendor (HTTP 404, or the vendor's equivalent).</summary>
public class PmsNotFoundException : PmsException
{
    /// <summary>Initializes a new instance of the <see cref="PmsNotFoundException"/> class.</summary>
    public PmsNotFoundException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsNotFoundException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PmsNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsNotFoundException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PmsNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the kind of entity (for example <c>Reservation</c>).</summary>
    public string? EntityType { get; init; }

    /// <summary>Gets the identifier that was not found.</summary>
    public string? EntityId { get; init; }
}

/// <summary>Why a <see cref="PmsConflictException"/> was thrown.</summary>
public enum PmsConflictReason
{
    /// <summary>Not said by the vendor.</summary>
    Unspecified = 0,

    /// <summary>No room of the type is left for the stay, or a restriction forbids it.</summary>
    NoAvailability,

    /// <summary>The entity changed since it was read.</summary>
    StaleData,

    /// <summary>The entity's state forbids the operation (for example cancelling a checked-out stay).</summary>
    InvalidState,

    /// <summary>The same idempotency key was reused with different content.</summary>
    IdempotencyKeyReused,
}

/// <summary>The request conflicts with the PMS's state (HTTP 409, no availability, stale data, wrong state).</summary>
public class PmsConflictException : PmsException
{
    /// <summary>Initializes a new instance of the <see cref="PmsConflictException"/> class.</summary>
    public PmsConflictException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsConflictException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PmsConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsConflictException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PmsConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets why the request conflicts.</summary>
    public PmsConflictReason Reason { get; init; }

    /// <summary>Gets, for <see cref="PmsConflictReason.StaleData"/>, the reservation as the caller read it before changing it.</summary>
    public Reservation? ReadVersion { get; init; }

    /// <summary>Gets, for <see cref="PmsConflictReason.StaleData"/>, the reservation as the PMS holds it now.</summary>
    public Reservation? CurrentVersion { get; init; }

    /// <summary>Gets, for <see cref="PmsConflictReason.StaleData"/>, the members of the changes the PMS changed differently since the read (names of <see cref="ReservationChanges"/> members, or <c>Status</c>).</summary>
    public IReadOnlyList<string> ConflictingMembers { get; init; } = [];
}

/// <summary>The PMS is unreachable or failed transiently (timeouts, HTTP 5xx); the pipeline has already retried reads.</summary>
public class PmsUnavailableException : PmsException
{
    /// <summary>Initializes a new instance of the <see cref="PmsUnavailableException"/> class.</summary>
    public PmsUnavailableException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsUnavailableException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PmsUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsUnavailableException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PmsUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Gets a value indicating whether a write may have been applied although no answer arrived (a timeout after the
    /// request was sent). The connector's exactly-once path resolves this before it gives up; when it is still set on a
    /// thrown exception, the outcome could not be established.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>The connector, or its vendor, cannot do what was asked. Thrown before any I/O.</summary>
public class PmsNotSupportedException : PmsException
{
    /// <summary>Initializes a new instance of the <see cref="PmsNotSupportedException"/> class.</summary>
    public PmsNotSupportedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsNotSupportedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PmsNotSupportedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsNotSupportedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PmsNotSupportedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsNotSupportedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="capability">The missing capability.</param>
    public PmsNotSupportedException(string message, ConnectorCapabilities capability)
        : base(message) => Capability = capability;

    /// <summary>Gets the missing capability; <see cref="ConnectorCapabilities.None"/> when a feature sub-client is missing instead (see <see cref="Feature"/>).</summary>
    public ConnectorCapabilities Capability { get; init; }

    /// <summary>
    /// Gets the feature whose sub-client the connector does not offer (for example <c>folios</c>), when the failure is
    /// <see cref="PmsConnectorExtensions.GetRequiredService{TService}(IPmsConnector, object?)"/> finding none; see <see cref="PmsFeatureAttribute"/>.
    /// </summary>
    public string? Feature { get; init; }
}
