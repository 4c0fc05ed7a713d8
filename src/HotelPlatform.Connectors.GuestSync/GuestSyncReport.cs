namespace HotelPlatform.Connectors.GuestSync;

/// <summary>What one sync did (or, in a dry run, would do).</summary>
/// <param name="GoldenGuestId">The golden record synced; <see langword="null"/> when no profile could be merged.</param>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="GoldenChanges">The golden fields that changed.</param>
/// <param name="Conflicts">The fields whose PMSs disagree, with every value and the resolution.</param>
/// <param name="Propagations">One entry per PMS profile written, up to date, skipped or failed.</param>
/// <param name="Issues">What was wrong with the input: invalid values, records left out, PMSs that failed.</param>
public sealed record GuestSyncReport(
    string? GoldenGuestId,
    bool DryRun,
    IReadOnlyList<GoldenFieldChange> GoldenChanges,
    IReadOnlyList<GuestFieldConflict> Conflicts,
    IReadOnlyList<GuestPropagation> Propagations,
    IReadOnlyList<GuestSyncIssue> Issues)
{
    /// <summary>Gets a value indicating whether the sync wrote (or would write) to the golden record or a PMS.</summary>
    public bool HasChanges => GoldenChanges.Count > 0 || Propagations.Any(p => p.Outcome is GuestPropagationOutcome.Created or GuestPropagationOutcome.Updated);
}

/// <summary>A golden field that changed.</summary>
/// <param name="Field">The field.</param>
/// <param name="OldValue">The value before.</param>
/// <param name="NewValue">The value after.</param>
/// <param name="SourceHotelId">The hotel whose value was taken.</param>
public sealed record GoldenFieldChange(GuestField Field, string? OldValue, string? NewValue, string SourceHotelId)
{
    /// <inheritdoc />
    /// <remarks>Personal data is left out so that a logged change never carries it.</remarks>
    public override string ToString() => $"GoldenFieldChange {{ Field = {Field}, Source = {SourceHotelId} }}";
}

/// <summary>One PMS's value in a conflict.</summary>
/// <param name="HotelId">The hotel.</param>
/// <param name="VendorId">The vendor's guest identifier, when it has one.</param>
/// <param name="Value">The value, in stored form.</param>
/// <param name="ChangedAt">When the value was seen changing; <see cref="DateTimeOffset.MinValue"/> when unknown.</param>
public sealed record GuestConflictValue(string HotelId, string? VendorId, string? Value, DateTimeOffset ChangedAt);

/// <summary>PMSs disagreeing on a field, and how the disagreement was resolved.</summary>
/// <param name="GoldenGuestId">The golden record.</param>
/// <param name="Field">The field.</param>
/// <param name="PreviousGoldenValue">The golden value before the sync.</param>
/// <param name="Values">Every PMS's value.</param>
/// <param name="Policy">The policy applied.</param>
/// <param name="ResolvedValue">The value kept.</param>
/// <param name="ResolvedFrom">The hotel the kept value came from.</param>
/// <param name="Resolution">Why that value was kept, in words.</param>
/// <param name="DetectedAt">When the conflict was seen.</param>
public sealed record GuestFieldConflict(
    string GoldenGuestId,
    GuestField Field,
    string? PreviousGoldenValue,
    IReadOnlyList<GuestConflictValue> Values,
    GuestMergePolicy Policy,
    string? ResolvedValue,
    string ResolvedFrom,
    string Resolution,
    DateTimeOffset DetectedAt)
{
    /// <summary>Gets a key equal for two detections of the same disagreement with the same resolution (the store records it once).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Fingerprint =>
        string.Join('\u001f', new[] { GoldenGuestId, Field.ToString(), ResolvedValue ?? string.Empty, ResolvedFrom }
            .Concat(Values.OrderBy(v => v.HotelId, StringComparer.Ordinal).ThenBy(v => v.VendorId, StringComparer.Ordinal).Select(v => $"{v.HotelId}/{v.VendorId}={v.Value}")));

    /// <inheritdoc />
    /// <remarks>Personal data is left out so that a logged conflict never carries it.</remarks>
    public override string ToString() => $"GuestFieldConflict {{ Field = {Field}, Policy = {Policy}, ResolvedFrom = {ResolvedFrom} }}";
}

/// <summary>What happened to one PMS profile when the golden record was propagated.</summary>
public enum GuestPropagationOutcome
{
    /// <summary>The profile already held the golden values: nothing was written.</summary>
    UpToDate,

    /// <summary>A profile was created (in a dry run: would be).</summary>
    Created,

    /// <summary>The profile was updated (in a dry run: would be).</summary>
    Updated,

    /// <summary>Not written: the vendor lacks the capability, or the PMS could not be read in this sync.</summary>
    Skipped,

    /// <summary>The write failed; the next sync tries again.</summary>
    Failed,
}

/// <summary>The propagation to one PMS profile.</summary>
/// <param name="HotelId">The hotel.</param>
/// <param name="VendorId">The vendor's guest identifier (of the created profile, after a create).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Fields">The fields written (or that would be).</param>
/// <param name="Reason">Why it was skipped or failed.</param>
public sealed record GuestPropagation(string HotelId, string? VendorId, GuestPropagationOutcome Outcome, IReadOnlyList<GuestField> Fields, string? Reason = null);

/// <summary>What can be wrong with the input of a sync.</summary>
public enum GuestSyncIssueKind
{
    /// <summary>An e-mail address that is not one; the field is left out of the merge.</summary>
    InvalidEmail,

    /// <summary>A phone number libphonenumber cannot read or validate in the hotel's region; the field is left out of the merge.</summary>
    InvalidPhone,

    /// <summary>A profile without a last name; the whole profile is left out (a name is needed to confirm a match).</summary>
    MissingName,

    /// <summary>A profile with the guest's e-mail or phone but another name (a shared family address); not merged.</summary>
    NameMismatch,

    /// <summary>Reading a PMS failed; its profiles are left out and nothing is written to it in this sync.</summary>
    PmsReadFailed,

    /// <summary>The vendor cannot search by this criterion (for example by phone alone); the other criteria were used.</summary>
    CriterionNotSupported,
}

/// <summary>Something wrong with the input of a sync, naming where it is.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="HotelId">The hotel.</param>
/// <param name="VendorId">The profile, when the issue is one profile's.</param>
/// <param name="Field">The field, when the issue is one field's.</param>
/// <param name="Message">What is wrong, in words (without the personal data itself).</param>
public sealed record GuestSyncIssue(GuestSyncIssueKind Kind, string HotelId, string? VendorId, GuestField? Field, string Message);
