namespace HotelPlatform.Connectors.GuestSync;

/// <summary>The chain's one record of a guest, merged from the profiles its PMSs hold.</summary>
/// <param name="Id">The golden record's identifier.</param>
/// <param name="Version">The stored version; the store refuses a save made from an older one.</param>
/// <param name="Fields">The golden value of each field that has one, with where it came from.</param>
/// <param name="Links">The PMS profiles merged into this record, with what the sync last saw in each.</param>
public sealed record GoldenGuest(string Id, long Version, IReadOnlyDictionary<GuestField, GoldenFieldValue> Fields, IReadOnlyList<GuestSourceLink> Links)
{
    /// <summary>Gets the value of a field, or <see langword="null"/>.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The golden value.</returns>
    public string? this[GuestField field] => Fields.TryGetValue(field, out var value) ? value.Value : null;

    /// <inheritdoc />
    /// <remarks>Personal data is left out so that a logged record never carries it.</remarks>
    public override string ToString() => $"GoldenGuest {{ Id = {Id}, Version = {Version} }}";
}

/// <summary>A golden field value.</summary>
/// <param name="Value">The value in its stored form (see <see cref="GuestField"/>); <see langword="null"/> after a clear under <see cref="GuestMergePolicy.MostRecent"/>.</param>
/// <param name="SourceHotelId">The hotel whose PMS gave the value.</param>
/// <param name="ChangedAt">When the value was seen changing at that PMS; <see cref="DateTimeOffset.MinValue"/> when its age is unknown (seen once, unchanged since).</param>
public sealed record GoldenFieldValue(string? Value, string SourceHotelId, DateTimeOffset ChangedAt);

/// <summary>A PMS profile merged into a golden record.</summary>
/// <param name="HotelId">The hotel.</param>
/// <param name="VendorId">The vendor's guest identifier; <see langword="null"/> for a guest that exists only on reservations (Apaleo).</param>
/// <param name="Seen">What the sync last saw (or wrote) in each field of the profile, and since when.</param>
public sealed record GuestSourceLink(string HotelId, string? VendorId, IReadOnlyDictionary<GuestField, GoldenFieldValue> Seen);
