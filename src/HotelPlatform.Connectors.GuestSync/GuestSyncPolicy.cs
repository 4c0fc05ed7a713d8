namespace HotelPlatform.Connectors.GuestSync;

/// <summary>A field of a guest profile that the sync keeps in the golden record and propagates.</summary>
/// <remarks>
/// The postal address and the consents are deliberately not synced: an address is not comparable field by field across
/// vendors without a geocoder, and consent is a legal fact of the hotel that recorded it (each PMS keeps its own).
/// Propagation starts from the PMS's current profile, so both stay as each PMS has them.
/// </remarks>
public enum GuestField
{
    /// <summary><see cref="GuestProfile.FirstName"/>.</summary>
    FirstName,

    /// <summary><see cref="GuestProfile.LastName"/>.</summary>
    LastName,

    /// <summary><see cref="GuestProfile.Email"/>, stored trimmed and lower-cased.</summary>
    Email,

    /// <summary><see cref="GuestProfile.Phone"/>, stored in E.164 form.</summary>
    Phone,

    /// <summary><see cref="GuestProfile.Language"/>, stored lower-cased.</summary>
    Language,

    /// <summary><see cref="GuestProfile.NationalityCountryCode"/>, stored upper-cased.</summary>
    Nationality,
}

/// <summary>How the golden value of a field is chosen when the chain's PMSs hold different values.</summary>
public enum GuestMergePolicy
{
    /// <summary>
    /// The most recently changed non-empty value wins; an empty value never replaces a known one. The default: a
    /// partial record (a walk-in with no e-mail) cannot erase what another hotel knows.
    /// </summary>
    NeverOverwriteWithEmpty,

    /// <summary>
    /// The most recently changed value wins, a deliberate clear included: a value a PMS removed since the last sync
    /// empties the golden field. A value seen for the first time has no known age and loses to any observed change.
    /// </summary>
    MostRecent,

    /// <summary>
    /// The value of the PMS named by <see cref="GuestFieldRule.PmsOfRecord"/> wins whenever that PMS has one; otherwise
    /// the field behaves as <see cref="NeverOverwriteWithEmpty"/>.
    /// </summary>
    PmsOfRecord,
}

/// <summary>The merge rule of one field.</summary>
/// <param name="Policy">How the golden value is chosen.</param>
/// <param name="PmsOfRecord">The hotel identifier whose PMS wins; required with <see cref="GuestMergePolicy.PmsOfRecord"/>.</param>
public sealed record GuestFieldRule(GuestMergePolicy Policy, string? PmsOfRecord = null);

/// <summary>The merge rules of a chain, one per field; fields without a rule use <see cref="DefaultRule"/>.</summary>
public sealed class GuestSyncPolicy
{
    private readonly Dictionary<GuestField, GuestFieldRule> _rules = [];

    /// <summary>Gets or sets the rule of fields that have none of their own.</summary>
    public GuestFieldRule DefaultRule { get; set; } = new(GuestMergePolicy.NeverOverwriteWithEmpty);

    /// <summary>
    /// Gets or sets a value indicating whether a PMS that supports <see cref="ConnectorCapabilities.UpsertGuest"/> but
    /// holds no profile of the guest gets one created. On by default.
    /// </summary>
    public bool CreateMissingProfiles { get; set; } = true;

    /// <summary>Sets the rule of a field.</summary>
    /// <param name="field">The field.</param>
    /// <param name="rule">Its rule.</param>
    /// <returns>This policy, for chaining.</returns>
    /// <exception cref="ArgumentException"><see cref="GuestMergePolicy.PmsOfRecord"/> without a hotel.</exception>
    public GuestSyncPolicy Set(GuestField field, GuestFieldRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Policy == GuestMergePolicy.PmsOfRecord && string.IsNullOrWhiteSpace(rule.PmsOfRecord))
        {
            throw new ArgumentException($"The rule of {field} names no PMS of record.", nameof(rule));
        }

        _rules[field] = rule;
        return this;
    }

    /// <summary>Gets the rule of a field.</summary>
    /// <param name="field">The field.</param>
    /// <returns>Its own rule, or <see cref="DefaultRule"/>.</returns>
    public GuestFieldRule RuleFor(GuestField field) => _rules.GetValueOrDefault(field) ?? DefaultRule;
}

/// <summary>One hotel of the chain: its PMS and the region its phone numbers are dialled in.</summary>
/// <param name="HotelId">The chain's identifier of the hotel (the one used in configuration and reports).</param>
/// <param name="Connector">The hotel's PMS.</param>
/// <param name="DefaultRegion">The ISO 3166-1 alpha-2 region in which a phone number without a country code is read (for example <c>DE</c>).</param>
public sealed record GuestSyncHotel(string HotelId, IPmsConnector Connector, string DefaultRegion);

/// <summary>What to sync: the guest known by an e-mail address and/or a phone number.</summary>
/// <remarks>A name alone is never a key: it finds too many different people.</remarks>
public sealed record GuestSyncRequest
{
    /// <summary>Gets the e-mail address of the guest.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the phone number of the guest, E.164 or in <see cref="PhoneRegion"/>'s national form.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the region <see cref="Phone"/> is read in when it has no country code; the first hotel's when omitted.</summary>
    public string? PhoneRegion { get; init; }

    /// <summary>Gets a value indicating whether to report what would change without writing to the store or any PMS.</summary>
    public bool DryRun { get; init; }

    /// <inheritdoc />
    /// <remarks>Personal data is left out so that a logged request never carries it.</remarks>
    public override string ToString() => $"GuestSyncRequest {{ DryRun = {DryRun} }}";
}
