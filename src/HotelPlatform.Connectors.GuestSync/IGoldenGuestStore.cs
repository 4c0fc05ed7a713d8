namespace HotelPlatform.Connectors.GuestSync;

/// <summary>Where golden guest records and their conflicts are kept.</summary>
public interface IGoldenGuestStore
{
    /// <summary>Gets a golden record by its identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    Task<GoldenGuest?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Finds the golden record holding an e-mail address or, failing that, a phone number (both in normal form).</summary>
    /// <param name="email">The normalised e-mail address.</param>
    /// <param name="phone">The E.164 phone number.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    Task<GoldenGuest?> FindAsync(string? email, string? phone, CancellationToken cancellationToken = default);

    /// <summary>Saves a golden record made from version <see cref="GoldenGuest.Version"/> (0 for a new one) and records new conflicts once each.</summary>
    /// <param name="guest">The record.</param>
    /// <param name="conflicts">Conflicts detected; one already recorded (same <see cref="GuestFieldConflict.Fingerprint"/>) is not recorded again.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>The record as stored, with its new version.</returns>
    /// <exception cref="GoldenGuestConcurrencyException">The record was saved by someone else since it was read.</exception>
    Task<GoldenGuest> SaveAsync(GoldenGuest guest, IReadOnlyList<GuestFieldConflict> conflicts, CancellationToken cancellationToken = default);

    /// <summary>Gets the conflicts recorded for a golden record, oldest first.</summary>
    /// <param name="goldenGuestId">The golden record.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The conflicts.</returns>
    Task<IReadOnlyList<GuestFieldConflict>> GetConflictsAsync(string goldenGuestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases a golden record and every conflict recorded for it (the chain's right-to-erasure call). A sync that read
    /// the record before it was erased cannot save it back (<see cref="GoldenGuestConcurrencyException"/>).
    /// </summary>
    /// <param name="goldenGuestId">The golden record.</param>
    /// <param name="cancellationToken">A token that cancels the erasure.</param>
    /// <returns><see langword="true"/> when something was erased; <see langword="false"/> when the store held nothing of it.</returns>
    Task<bool> EraseAsync(string goldenGuestId, CancellationToken cancellationToken = default);
}

/// <summary>
/// A golden record was saved from a stale version (another sync changed or erased it since it was read), or a new one
/// would duplicate a record another sync created first (same e-mail address or phone number). Sync again.
/// </summary>
public sealed class GoldenGuestConcurrencyException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GoldenGuestConcurrencyException"/> class.</summary>
    public GoldenGuestConcurrencyException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GoldenGuestConcurrencyException"/> class.</summary>
    /// <param name="message">The message.</param>
    public GoldenGuestConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GoldenGuestConcurrencyException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GoldenGuestConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
