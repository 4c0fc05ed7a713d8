namespace HotelPlatform.Connectors;

/// <summary>
/// Writes a hotel's availability, stay restrictions and rates to the vendor, night by night: the vendor-neutral face of
/// a vendor's ARI push (SiteMinder <c>OTA_HotelAvailNotifRQ</c> / <c>OTA_HotelRateAmountNotifRQ</c>, ...). A feature
/// sub-client (ADR 0010): <c>pms.GetService&lt;IPmsRatesAndAvailabilityPush&gt;()</c> is <see langword="null"/> where
/// the connector offers no such write.
/// </summary>
[PmsFeature(FeatureName)]
public interface IPmsRatesAndAvailabilityPush
{
    /// <summary>The feature's name in errors and the catalog.</summary>
    public const string FeatureName = "rate and availability push";

    /// <summary>Gets the parts of an update the vendor's API can write (some vendors derive availability from their rooms and take no availability values).</summary>
    PmsPushParts Parts { get; }

    /// <summary>Pushes the values of <paramref name="update"/>; what the vendor already has may be left out by the connector.</summary>
    /// <param name="update">The nights' availability, restrictions and rates.</param>
    /// <param name="cancellationToken">A token that cancels the push.</param>
    /// <returns>What was sent.</returns>
    /// <exception cref="PmsNotSupportedException">The update holds a part outside <see cref="Parts"/>, or a restriction the vendor cannot express; thrown before anything is sent.</exception>
    /// <exception cref="PmsValidationException">A value is refused (an unknown room type or rate plan, a negative count, ...).</exception>
    Task<PmsPushResult> PushAsync(PmsRatesAndAvailabilityUpdate update, CancellationToken cancellationToken = default);
}

/// <summary>The parts of a <see cref="PmsRatesAndAvailabilityUpdate"/>.</summary>
[Flags]
public enum PmsPushParts
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Rooms left to sell (<see cref="PmsRatesAndAvailabilityUpdate.Availability"/>).</summary>
    Availability = 1,

    /// <summary>Stay restrictions (<see cref="PmsRatesAndAvailabilityUpdate.Restrictions"/>).</summary>
    Restrictions = 2,

    /// <summary>Nightly rates (<see cref="PmsRatesAndAvailabilityUpdate.Rates"/>).</summary>
    Rates = 4,
}

/// <summary>The availability, restrictions and rates to push to one hotel.</summary>
public sealed record PmsRatesAndAvailabilityUpdate
{
    /// <summary>Gets the rooms left to sell per room type and night.</summary>
    public IReadOnlyList<PmsAvailabilityValue> Availability { get; init; } = [];

    /// <summary>Gets the stay restrictions per room type, rate plan and night.</summary>
    public IReadOnlyList<PmsRestrictionValue> Restrictions { get; init; } = [];

    /// <summary>Gets the nightly rates per room type, rate plan and night.</summary>
    public IReadOnlyList<PmsRateValue> Rates { get; init; } = [];

    /// <summary>Gets whether nothing is to be pushed.</summary>
    public bool IsEmpty => Availability.Count == 0 && Restrictions.Count == 0 && Rates.Count == 0;

    /// <summary>Gets the parts that hold values.</summary>
    public PmsPushParts Parts =>
        (Availability.Count > 0 ? PmsPushParts.Availability : PmsPushParts.None)
        | (Restrictions.Count > 0 ? PmsPushParts.Restrictions : PmsPushParts.None)
        | (Rates.Count > 0 ? PmsPushParts.Rates : PmsPushParts.None);

    /// <summary>Throws unless every part that holds values is one of <paramref name="supported"/>; connectors call it before sending anything.</summary>
    /// <param name="supported">The parts the vendor's API can write.</param>
    /// <param name="vendor">The vendor, for the message.</param>
    /// <exception cref="PmsNotSupportedException">A part with values is not supported; the message names it.</exception>
    public void EnsureOnly(PmsPushParts supported, string vendor)
    {
        var unsupported = Parts & ~supported;
        if (unsupported != PmsPushParts.None)
        {
            throw new PmsNotSupportedException($"{vendor} cannot take {unsupported} in a rate and availability push (it takes {supported}); push those values another way or leave them out.")
            {
                Feature = IPmsRatesAndAvailabilityPush.FeatureName,
            };
        }
    }
}

/// <summary>The rooms of a room type left to sell on a night.</summary>
/// <param name="RoomTypeId">The room type's identifier at the vendor.</param>
/// <param name="Date">The night.</param>
/// <param name="Available">Rooms left to sell, 0 or more.</param>
public sealed record PmsAvailabilityValue(string RoomTypeId, DateOnly Date, int Available);

/// <summary>The restrictions of a room type and rate plan on a night; a member left <see langword="null"/> is not changed.</summary>
/// <param name="RoomTypeId">The room type's identifier at the vendor.</param>
/// <param name="RatePlanId">The rate plan's identifier at the vendor.</param>
/// <param name="Date">The night.</param>
public sealed record PmsRestrictionValue(string RoomTypeId, string RatePlanId, DateOnly Date)
{
    /// <summary>Gets whether the night is closed (stop sell) or open.</summary>
    public bool? Closed { get; init; }

    /// <summary>Gets whether arrival on the night is closed.</summary>
    public bool? ClosedToArrival { get; init; }

    /// <summary>Gets whether departure on the date is closed.</summary>
    public bool? ClosedToDeparture { get; init; }

    /// <summary>Gets the minimum length of stay in nights.</summary>
    public int? MinStay { get; init; }

    /// <summary>Gets the maximum length of stay in nights.</summary>
    public int? MaxStay { get; init; }
}

/// <summary>The rate of a room type and rate plan on a night.</summary>
/// <param name="RoomTypeId">The room type's identifier at the vendor.</param>
/// <param name="RatePlanId">The rate plan's identifier at the vendor.</param>
/// <param name="Date">The night.</param>
/// <param name="Currency">The ISO 4217 currency of the amounts.</param>
/// <param name="AmountsByAdults">The gross amount per night by number of adults.</param>
public sealed record PmsRateValue(string RoomTypeId, string RatePlanId, DateOnly Date, string Currency, IReadOnlyDictionary<int, decimal> AmountsByAdults);

/// <summary>What a push sent.</summary>
/// <param name="Requests">The requests sent to the vendor (0 when the vendor already had every value).</param>
/// <param name="Warnings">Warnings the vendor answered with, as its text.</param>
public sealed record PmsPushResult(int Requests, IReadOnlyList<string> Warnings);
