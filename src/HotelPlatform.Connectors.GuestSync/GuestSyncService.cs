using System.Globalization;
using System.Text.Json;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>
/// Keeps one golden guest record across a chain's PMSs: reads the guest's profiles from every PMS, matches them,
/// merges them field by field under <see cref="GuestSyncPolicy"/>, records every conflict and writes the golden values
/// back to each PMS that can take them, exactly once. See docs/guest-sync.md.
/// </summary>
/// <remarks>
/// A profile is merged when its e-mail address or phone number (in normal form, <see cref="GuestNormalization"/>) is
/// one of the guest's AND its name is compatible with the guest's (equal last names; first names equal, absent or an
/// initial). A name alone never merges. Invalid values are left out of the merge and reported, never stored.
/// </remarks>
public sealed class GuestSyncService
{
    private static readonly GuestField[] AllFields = Enum.GetValues<GuestField>();
    private static readonly Dictionary<GuestField, GoldenFieldValue> NoValues = [];

    private readonly IReadOnlyList<GuestSyncHotel> _hotels;
    private readonly IGoldenGuestStore _store;
    private readonly GuestSyncPolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="GuestSyncService"/> class.</summary>
    /// <param name="hotels">The chain's hotels; their order breaks ties (the first wins).</param>
    /// <param name="store">Where golden records are kept.</param>
    /// <param name="policy">The merge rules; <see cref="GuestMergePolicy.NeverOverwriteWithEmpty"/> for every field when omitted.</param>
    /// <param name="timeProvider">The clock that dates observed changes; the system clock when omitted.</param>
    public GuestSyncService(IEnumerable<GuestSyncHotel> hotels, IGoldenGuestStore store, GuestSyncPolicy? policy = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(hotels);
        ArgumentNullException.ThrowIfNull(store);
        _hotels = [.. hotels];
        if (_hotels.Count == 0)
        {
            throw new ArgumentException("A guest sync needs at least one hotel.", nameof(hotels));
        }

        foreach (var hotel in _hotels)
        {
            ArgumentNullException.ThrowIfNull(hotel, nameof(hotels));
            ArgumentException.ThrowIfNullOrWhiteSpace(hotel.HotelId, nameof(hotels));
            ArgumentNullException.ThrowIfNull(hotel.Connector, nameof(hotels));
            if (hotel.DefaultRegion is not { Length: 2 } || !hotel.DefaultRegion.All(char.IsAsciiLetter))
            {
                throw new ArgumentException($"Hotel {hotel.HotelId}'s default region must be an ISO 3166-1 alpha-2 code.", nameof(hotels));
            }
        }

        if (_hotels.GroupBy(h => h.HotelId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Hotel {duplicate.Key} is in the chain twice.", nameof(hotels));
        }

        _store = store;
        _policy = policy ?? new GuestSyncPolicy();
        _time = timeProvider ?? TimeProvider.System;
        foreach (var field in AllFields)
        {
            if (_policy.RuleFor(field).PmsOfRecord is { } ofRecord && !_hotels.Any(h => h.HotelId == ofRecord))
            {
                throw new ArgumentException($"The PMS of record of {field}, {ofRecord}, is not a hotel of the chain.", nameof(policy));
            }
        }
    }

    /// <summary>Syncs the guest known by an e-mail address and/or phone number across the chain.</summary>
    /// <param name="request">The guest's keys, and whether to only report.</param>
    /// <param name="cancellationToken">A token that cancels the sync; what was written before stays written and the next sync carries on.</param>
    /// <returns>What changed (or would), the conflicts, the propagation per PMS and every input issue.</returns>
    /// <exception cref="ArgumentException">The request has neither a valid e-mail address nor a valid phone number.</exception>
    /// <exception cref="GoldenGuestConcurrencyException">Another sync saved the same golden record meanwhile; sync again.</exception>
    public async Task<GuestSyncReport> SyncAsync(GuestSyncRequest request, CancellationToken cancellationToken = default)
    {
        var (email, phone) = RequestKeys(request);
        var golden = await _store.FindAsync(email, phone, cancellationToken).ConfigureAwait(false);
        var emails = Keys(email, golden?[GuestField.Email]);
        var phones = Keys(phone, golden?[GuestField.Phone]);

        List<GuestSyncIssue> issues = [];
        List<HotelRead> reads = [];
        for (var index = 0; index < _hotels.Count; index++)
        {
            reads.Add(await ReadHotelAsync(_hotels[index], index, emails, phones, issues, cancellationToken).ConfigureAwait(false));
        }

        var matched = Match(reads, golden, emails, phones, issues);
        if (matched.Count == 0 && golden is null)
        {
            return new GuestSyncReport(null, request.DryRun, [], [], [], issues);
        }

        var merge = Merge(golden, matched);
        var planned = await PropagateAsync(reads, matched, merge, dryRun: true, cancellationToken).ConfigureAwait(false);
        if (request.DryRun)
        {
            return new GuestSyncReport(merge.Id, DryRun: true, merge.Changes, merge.Conflicts, planned, issues);
        }

        // The golden record is saved BEFORE any PMS write: the store's version check (and, for a new guest, its unique
        // e-mail/phone key) makes a second sync of the same guest, on this host or another, throw here instead of
        // writing the same profiles twice (two created profiles in one PMS).
        var writes = planned.Any(p => p.Outcome is GuestPropagationOutcome.Created or GuestPropagationOutcome.Updated);
        var claimed = Record(merge, golden?.Version ?? 0);
        var version = golden?.Version ?? 0;
        if (writes || await NeedsSaveAsync(golden, claimed, merge.Conflicts, cancellationToken).ConfigureAwait(false))
        {
            version = (await _store.SaveAsync(claimed, merge.Conflicts, cancellationToken).ConfigureAwait(false)).Version;
        }

        if (!writes)
        {
            return new GuestSyncReport(merge.Id, DryRun: false, merge.Changes, merge.Conflicts, planned, issues);
        }

        var propagations = await PropagateAsync(reads, matched, merge, dryRun: false, cancellationToken).ConfigureAwait(false);

        // What was written (and the links of created profiles) is recorded as seen, so the next sync sees no change.
        var written = Record(merge, version);
        if (!SameRecord(claimed with { Version = version }, written))
        {
            await _store.SaveAsync(written, [], cancellationToken).ConfigureAwait(false);
        }

        return new GuestSyncReport(merge.Id, request.DryRun, merge.Changes, merge.Conflicts, propagations, issues);
    }

    /// <summary>
    /// Erases the golden record of the guest known by an e-mail address and/or phone number, with its conflicts (the
    /// chain's right-to-erasure call). The PMSs' own profiles are the PMSs' business: erase them there first, or the next
    /// sync of this guest builds a new golden record from them.
    /// </summary>
    /// <param name="request">The guest's keys (<see cref="GuestSyncRequest.DryRun"/> is ignored).</param>
    /// <param name="cancellationToken">A token that cancels the erasure.</param>
    /// <returns>The identifier of the erased golden record, or <see langword="null"/> when the store held none for these keys.</returns>
    /// <exception cref="ArgumentException">The request has neither a valid e-mail address nor a valid phone number.</exception>
    public async Task<string?> EraseAsync(GuestSyncRequest request, CancellationToken cancellationToken = default)
    {
        var (email, phone) = RequestKeys(request);
        var golden = await _store.FindAsync(email, phone, cancellationToken).ConfigureAwait(false);
        return golden is not null && await _store.EraseAsync(golden.Id, cancellationToken).ConfigureAwait(false) ? golden.Id : null;
    }

    /// <summary>Gets the chain's hotels, in tie-breaking order.</summary>
    public IReadOnlyList<GuestSyncHotel> Hotels => _hotels;

    private (string? Email, string? Phone) RequestKeys(GuestSyncRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!GuestNormalization.TryNormalizeEmail(request.Email, out var email))
        {
            throw new ArgumentException("The request's e-mail address is not a valid address.", nameof(request));
        }

        if (!GuestNormalization.TryNormalizePhone(request.Phone, request.PhoneRegion ?? _hotels[0].DefaultRegion, out var phone))
        {
            throw new ArgumentException("The request's phone number is not a valid number in its region.", nameof(request));
        }

        if (email is null && phone is null)
        {
            throw new ArgumentException("A guest sync needs an e-mail address or a phone number: a name alone never identifies a guest.", nameof(request));
        }

        return (email, phone);
    }

    private static HashSet<string> Keys(params string?[] values) => [.. values.OfType<string>()];

    private static bool Same(GuestField field, string? a, string? b) =>
        field is GuestField.FirstName or GuestField.LastName
            ? string.Equals(GuestNormalization.NormalizeName(a), GuestNormalization.NormalizeName(b), StringComparison.Ordinal)
            : string.Equals(a, b, StringComparison.Ordinal);

    private static Dictionary<GuestField, GoldenFieldValue> Ordered(Dictionary<GuestField, GoldenFieldValue> fields) =>
        AllFields.Where(fields.ContainsKey).ToDictionary(f => f, f => fields[f]);

    private static List<SourceRecord> Match(List<HotelRead> reads, GoldenGuest? golden, HashSet<string> emails, HashSet<string> phones, List<GuestSyncIssue> issues)
    {
        var (lastName, firstName) = (golden?[GuestField.LastName], golden?[GuestField.FirstName]);
        List<SourceRecord> matched = [];
        foreach (var record in reads.SelectMany(r => r.Records))
        {
            var keyMatches = (record.Values.GetValueOrDefault(GuestField.Email) is { } e && emails.Contains(e))
                             || (record.Values.GetValueOrDefault(GuestField.Phone) is { } p && phones.Contains(p));
            if (!keyMatches)
            {
                continue; // A search hit that is not this guest (a vendor's text search matches loosely).
            }

            if (lastName is null)
            {
                // No golden record yet: the first profile in hotel order sets the name the others must agree with.
                (lastName, firstName) = (record.Values[GuestField.LastName], record.Values.GetValueOrDefault(GuestField.FirstName));
            }

            if (!GuestNormalization.NamesCompatible(lastName, firstName, record.Values[GuestField.LastName], record.Values.GetValueOrDefault(GuestField.FirstName)))
            {
                issues.Add(new GuestSyncIssue(GuestSyncIssueKind.NameMismatch, record.Hotel.HotelId, record.Profile.VendorId, GuestField.LastName,
                    "The profile shares the guest's e-mail address or phone number but not the name; it is left out (a shared address is not one person)."));
                continue;
            }

            matched.Add(record);
        }

        return matched;
    }

    private MergeResult Merge(GoldenGuest? golden, List<SourceRecord> matched)
    {
        var now = _time.GetUtcNow();
        var id = golden?.Id ?? Guid.NewGuid().ToString("N");
        var links = (golden?.Links ?? []).ToDictionary(l => new LinkKey(l.HotelId, l.VendorId));
        Dictionary<GuestField, List<Candidate>> candidates = AllFields.ToDictionary(f => f, _ => new List<Candidate>());

        foreach (var record in matched)
        {
            var key = new LinkKey(record.Hotel.HotelId, record.Profile.VendorId);
            var seen = new Dictionary<GuestField, GoldenFieldValue>(links.GetValueOrDefault(key)?.Seen ?? NoValues);
            foreach (var field in AllFields)
            {
                if (!record.Values.TryGetValue(field, out var value) || (value is null && !seen.ContainsKey(field)))
                {
                    continue; // Invalid at the PMS (neither a value nor a clear), or empty and never seen otherwise.
                }

                // A value seen for the first time has no known age; one that differs from what was seen last changed now.
                var changedAt = DateTimeOffset.MinValue;
                var cleared = false;
                if (seen.TryGetValue(field, out var previous))
                {
                    changedAt = Same(field, previous.Value, value) ? previous.ChangedAt : now;
                    cleared = value is null && previous.Value is not null;
                }

                seen[field] = new GoldenFieldValue(value, record.Hotel.HotelId, changedAt);
                candidates[field].Add(new Candidate(record, value, changedAt, cleared));
            }

            links[key] = new GuestSourceLink(key.HotelId, key.VendorId, Ordered(seen));
        }

        var fields = new Dictionary<GuestField, GoldenFieldValue>(golden?.Fields ?? NoValues);
        List<GoldenFieldChange> changes = [];
        List<GuestFieldConflict> conflicts = [];
        foreach (var field in AllFields)
        {
            var rule = _policy.RuleFor(field);
            var current = fields.GetValueOrDefault(field);
            var (next, resolution) = Resolve(field, rule, candidates[field], current);
            if (next is null)
            {
                continue;
            }

            fields[field] = next;
            if (current is null ? next.Value is not null : !Same(field, current.Value, next.Value))
            {
                changes.Add(new GoldenFieldChange(field, current?.Value, next.Value, next.SourceHotelId));
            }

            var contenders = candidates[field].Where(c => c.Value is not null || c.Cleared).Select(c => c.Value)
                .Append(current?.Value).Where(v => v is not null || candidates[field].Any(c => c.Cleared));
            if (contenders.Select(v => v is null ? "\0" : Normalized(field, v)).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                conflicts.Add(new GuestFieldConflict(id, field, current?.Value,
                    [.. candidates[field].Select(c => new GuestConflictValue(c.Record.Hotel.HotelId, c.Record.Profile.VendorId, c.Value, c.ChangedAt))],
                    rule.Policy, next.Value, next.SourceHotelId, resolution, now));
            }
        }

        return new MergeResult(id, fields, links, changes, conflicts);
    }

    private static string Normalized(GuestField field, string value) =>
        field is GuestField.FirstName or GuestField.LastName ? GuestNormalization.NormalizeName(value) : value;

    private (GoldenFieldValue? Next, string Resolution) Resolve(GuestField field, GuestFieldRule rule, List<Candidate> candidates, GoldenFieldValue? current)
    {
        if (rule.Policy == GuestMergePolicy.PmsOfRecord
            && candidates.FirstOrDefault(c => c.Value is not null && c.Record.Hotel.HotelId == rule.PmsOfRecord) is { } ofRecord)
        {
            return (Keep(field, current, ofRecord), $"the PMS of record, {rule.PmsOfRecord}, has a value");
        }

        var contenders = candidates.Where(c => c.Value is not null || (rule.Policy == GuestMergePolicy.MostRecent && c.Cleared))
            .OrderByDescending(c => c.ChangedAt).ThenBy(c => c.Record.Index).ToList();
        var fallback = rule.Policy == GuestMergePolicy.PmsOfRecord ? $"the PMS of record, {rule.PmsOfRecord}, has no value; " : string.Empty;
        if (contenders.Count == 0)
        {
            return (current, fallback + "no PMS has a value: the golden value is kept");
        }

        var best = contenders[0];
        if (current is not null && (current.Value is not null || rule.Policy == GuestMergePolicy.MostRecent) && current.ChangedAt >= best.ChangedAt)
        {
            return (current, fallback + "no PMS changed the value since the golden value was taken: it is kept");
        }

        var tie = contenders.Count > 1 && contenders[1].ChangedAt == best.ChangedAt && !Same(field, contenders[1].Value, best.Value);
        var when = best.ChangedAt == DateTimeOffset.MinValue ? "first seen" : "changed " + best.ChangedAt.ToString("O", CultureInfo.InvariantCulture);
        var reason = best.Value is null ? $"cleared at {best.Record.Hotel.HotelId} ({when}), the most recent change" : $"the most recent value, at {best.Record.Hotel.HotelId} ({when})";
        return (Keep(field, current, best), fallback + reason + (tie ? "; a tie in time, broken by the chain's hotel order" : string.Empty));
    }

    // A winner equal to the golden value in normal form keeps the golden spelling: no churn between "MÜLLER" and "Müller".
    private static GoldenFieldValue Keep(GuestField field, GoldenFieldValue? current, Candidate winner) =>
        current is not null && current.Value is not null && Same(field, current.Value, winner.Value)
            ? current
            : new GoldenFieldValue(winner.Value, winner.Record.Hotel.HotelId, winner.ChangedAt);

    private async Task<List<GuestPropagation>> PropagateAsync(List<HotelRead> reads, List<SourceRecord> matched, MergeResult merge, bool dryRun, CancellationToken cancellationToken)
    {
        List<GuestPropagation> propagations = [];
        foreach (var read in reads)
        {
            var hotel = read.Hotel;
            if (!read.Succeeded)
            {
                propagations.Add(new GuestPropagation(hotel.HotelId, null, GuestPropagationOutcome.Skipped, [], "its PMS could not be read in this sync, so its profile is not known; the next sync writes it"));
                continue;
            }

            if (!hotel.Connector.Capabilities.HasFlag(ConnectorCapabilities.UpsertGuest))
            {
                propagations.Add(new GuestPropagation(hotel.HotelId, null, GuestPropagationOutcome.Skipped, [], $"{hotel.Connector.Vendor} does not support {nameof(ConnectorCapabilities.UpsertGuest)}"));
                continue;
            }

            var targets = matched.Where(r => r.Hotel == hotel && r.Profile.VendorId is not null).ToList();
            if (targets.Count == 0)
            {
                if (!read.Searched || !_policy.CreateMissingProfiles)
                {
                    var why = read.Searched ? "creating missing profiles is switched off" : $"{hotel.Connector.Vendor} cannot search guests, so whether it holds the guest is unknown";
                    propagations.Add(new GuestPropagation(hotel.HotelId, null, GuestPropagationOutcome.Skipped, [], why));
                    continue;
                }

                var profile = Apply(new GuestProfile(merge.Fields[GuestField.LastName].Value!), merge.Fields);
                propagations.Add(await WriteAsync(hotel, null, profile, [.. merge.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key)], merge, dryRun, cancellationToken).ConfigureAwait(false));
                continue;
            }

            foreach (var target in targets)
            {
                var differing = merge.Fields
                    .Where(f => target.Values.TryGetValue(f.Key, out var value) ? !Same(f.Key, value, f.Value.Value) : f.Value.Value is not null)
                    .Select(f => f.Key).ToList();
                propagations.Add(differing.Count == 0
                    ? new GuestPropagation(hotel.HotelId, target.Profile.VendorId, GuestPropagationOutcome.UpToDate, [])
                    : await WriteAsync(hotel, target.Profile.VendorId, Apply(target.Profile, merge.Fields), differing, merge, dryRun, cancellationToken).ConfigureAwait(false));
            }
        }

        return propagations;
    }

    private static async Task<GuestPropagation> WriteAsync(GuestSyncHotel hotel, string? vendorId, GuestProfile profile, List<GuestField> fields, MergeResult merge, bool dryRun, CancellationToken cancellationToken)
    {
        var outcome = vendorId is null ? GuestPropagationOutcome.Created : GuestPropagationOutcome.Updated;
        if (dryRun)
        {
            return new GuestPropagation(hotel.HotelId, vendorId, outcome, fields);
        }

        GuestProfile stored;
        try
        {
            stored = await hotel.Connector.UpsertGuestAsync(profile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new GuestPropagation(hotel.HotelId, vendorId, GuestPropagationOutcome.Failed, fields, $"{exception.GetType().Name}: {exception.Message}");
        }

        // What was written is what the sync has now seen there, dated as the golden value: it is no newer change.
        var key = new LinkKey(hotel.HotelId, stored.VendorId);
        var seen = new Dictionary<GuestField, GoldenFieldValue>(merge.Links.GetValueOrDefault(key)?.Seen ?? NoValues);
        foreach (var (field, value) in merge.Fields)
        {
            seen[field] = value with { SourceHotelId = hotel.HotelId };
        }

        merge.Links[key] = new GuestSourceLink(hotel.HotelId, stored.VendorId, Ordered(seen));
        return new GuestPropagation(hotel.HotelId, stored.VendorId, outcome, fields);
    }

    // The PMS's current profile with the golden fields laid over it: what the sync does not own (address, consents) stays.
    private static GuestProfile Apply(GuestProfile profile, Dictionary<GuestField, GoldenFieldValue> fields)
    {
        string? Value(GuestField field, string? own) => fields.TryGetValue(field, out var golden) ? golden.Value : own;
        return profile with
        {
            LastName = Value(GuestField.LastName, profile.LastName) ?? profile.LastName,
            FirstName = Value(GuestField.FirstName, profile.FirstName),
            Email = Value(GuestField.Email, profile.Email),
            Phone = Value(GuestField.Phone, profile.Phone),
            Language = Value(GuestField.Language, profile.Language),
            NationalityCountryCode = Value(GuestField.Nationality, profile.NationalityCountryCode),
        };
    }

    private static GoldenGuest Record(MergeResult merge, long version) =>
        new(merge.Id, version, Ordered(merge.Fields), [.. merge.Links.Values.OrderBy(l => l.HotelId, StringComparer.Ordinal).ThenBy(l => l.VendorId, StringComparer.Ordinal)]);

    private static bool SameRecord(GoldenGuest a, GoldenGuest b) =>
        string.Equals(JsonSerializer.Serialize(a, GuestSyncJson.Default.GoldenGuest), JsonSerializer.Serialize(b, GuestSyncJson.Default.GoldenGuest), StringComparison.Ordinal);

    private async Task<bool> NeedsSaveAsync(GoldenGuest? golden, GoldenGuest updated, List<GuestFieldConflict> conflicts, CancellationToken cancellationToken)
    {
        if (golden is null || !SameRecord(golden, updated))
        {
            return true;
        }

        if (conflicts.Count == 0)
        {
            return false;
        }

        var recorded = (await _store.GetConflictsAsync(golden.Id, cancellationToken).ConfigureAwait(false)).Select(c => c.Fingerprint).ToHashSet(StringComparer.Ordinal);
        return conflicts.Any(c => !recorded.Contains(c.Fingerprint));
    }

    private static async Task<HotelRead> ReadHotelAsync(GuestSyncHotel hotel, int index, HashSet<string> emails, HashSet<string> phones, List<GuestSyncIssue> issues, CancellationToken cancellationToken)
    {
        var connector = hotel.Connector;
        if (!connector.Capabilities.HasFlag(ConnectorCapabilities.SearchGuests))
        {
            issues.Add(new GuestSyncIssue(GuestSyncIssueKind.CriterionNotSupported, hotel.HotelId, null, null, $"{connector.Vendor} cannot search guests; its profiles are not read."));
            return new HotelRead(hotel, Succeeded: true, Searched: false, []);
        }

        var searches = emails.Select(e => (GuestField.Email, new GuestSearch { Email = e }))
            .Concat(phones.Select(p => (GuestField.Phone, new GuestSearch { Phone = p })));
        List<GuestProfile> found = [];
        var searched = false;
        foreach (var (criterion, search) in searches)
        {
            try
            {
                found.AddRange(await connector.SearchGuestsAsync(search, cancellationToken).ConfigureAwait(false));
                searched = true;
            }
            catch (PmsNotSupportedException exception)
            {
                issues.Add(new GuestSyncIssue(GuestSyncIssueKind.CriterionNotSupported, hotel.HotelId, null, criterion, exception.Message));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                issues.Add(new GuestSyncIssue(GuestSyncIssueKind.PmsReadFailed, hotel.HotelId, null, null,
                    $"Searching {connector.Vendor} by {criterion} failed ({exception.GetType().Name}: {exception.Message}); nothing from or to this PMS in this sync."));
                return new HotelRead(hotel, Succeeded: false, Searched: false, []);
            }
        }

        // A profile found by e-mail and by phone is one profile; guests without a vendor id (Apaleo) are told apart by content.
        var profiles = found.DistinctBy(p => p.VendorId is null ? (object)p : p.VendorId);
        List<SourceRecord> records = [];
        foreach (var profile in profiles)
        {
            if (Normalize(hotel, index, profile, issues) is { } record)
            {
                records.Add(record);
            }
        }

        return new HotelRead(hotel, Succeeded: true, searched, records);
    }

    private static SourceRecord? Normalize(GuestSyncHotel hotel, int index, GuestProfile profile, List<GuestSyncIssue> issues)
    {
        var lastName = GuestNormalization.TidyName(profile.LastName);
        if (lastName is null)
        {
            issues.Add(new GuestSyncIssue(GuestSyncIssueKind.MissingName, hotel.HotelId, profile.VendorId, GuestField.LastName, "The profile has no last name; it is left out."));
            return null;
        }

        Dictionary<GuestField, string?> values = new()
        {
            [GuestField.LastName] = lastName,
            [GuestField.FirstName] = GuestNormalization.TidyName(profile.FirstName),
            [GuestField.Language] = string.IsNullOrWhiteSpace(profile.Language) ? null : profile.Language.Trim().ToLowerInvariant(),
            [GuestField.Nationality] = string.IsNullOrWhiteSpace(profile.NationalityCountryCode) ? null : profile.NationalityCountryCode.Trim().ToUpperInvariant(),
        };
        if (GuestNormalization.TryNormalizeEmail(profile.Email, out var email))
        {
            values[GuestField.Email] = email;
        }
        else
        {
            issues.Add(new GuestSyncIssue(GuestSyncIssueKind.InvalidEmail, hotel.HotelId, profile.VendorId, GuestField.Email, "The e-mail address is not a valid address; it is left out of the merge."));
        }

        if (GuestNormalization.TryNormalizePhone(profile.Phone, hotel.DefaultRegion, out var phone))
        {
            values[GuestField.Phone] = phone;
        }
        else
        {
            issues.Add(new GuestSyncIssue(GuestSyncIssueKind.InvalidPhone, hotel.HotelId, profile.VendorId, GuestField.Phone,
                $"The phone number is not a valid number (read in region {hotel.DefaultRegion}); it is left out of the merge."));
        }

        return new SourceRecord(hotel, index, profile, values);
    }

    private sealed record HotelRead(GuestSyncHotel Hotel, bool Succeeded, bool Searched, List<SourceRecord> Records);

    private sealed record SourceRecord(GuestSyncHotel Hotel, int Index, GuestProfile Profile, Dictionary<GuestField, string?> Values);

    private sealed record Candidate(SourceRecord Record, string? Value, DateTimeOffset ChangedAt, bool Cleared);

    private sealed record LinkKey(string HotelId, string? VendorId);

    private sealed record MergeResult(string Id, Dictionary<GuestField, GoldenFieldValue> Fields, Dictionary<LinkKey, GuestSourceLink> Links, List<GoldenFieldChange> Changes, List<GuestFieldConflict> Conflicts);
}
