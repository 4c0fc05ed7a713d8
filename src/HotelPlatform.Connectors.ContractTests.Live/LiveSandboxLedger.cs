using System.Collections.Concurrent;

namespace HotelPlatform.Connectors.ContractTests.Live;

/// <summary>
/// What a live run booked at the vendor, so that nothing is left behind: every reservation created (with its
/// confirmation number, for the visibility wait), every create whose outcome stayed unknown (by client reference),
/// and which were cancelled.
/// </summary>
public sealed class LiveSandboxLedger
{
    private readonly ConcurrentDictionary<string, string?> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _confirmations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _cancelled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unknownOutcomes = new(StringComparer.Ordinal);

    /// <summary>Gets the reservations the run created and has not cancelled, by vendor id.</summary>
    public IReadOnlyList<string> NotCancelled => [.. _created.Keys.Where(id => !_cancelled.ContainsKey(id)).Order(StringComparer.Ordinal)];

    /// <summary>Gets the client references of creates whose outcome stayed unknown.</summary>
    public IReadOnlyList<string> UnknownOutcomes => [.. _unknownOutcomes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets how many reservations the run created.</summary>
    public int CreatedCount => _created.Count;

    /// <summary>Records a reservation the run created.</summary>
    /// <param name="reservation">The reservation.</param>
    /// <param name="clientReference">The client reference it was booked with.</param>
    public void Created(Reservation reservation, string? clientReference)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        _created[reservation.VendorId] = clientReference;
        if (reservation.ConfirmationNumber is { } confirmation)
        {
            _confirmations.TryAdd(confirmation, 0);
        }

        if (clientReference is not null)
        {
            _unknownOutcomes.TryRemove(clientReference, out _);
        }
    }

    /// <summary>Records a create whose outcome is unknown: it may have been booked.</summary>
    /// <param name="clientReference">Its client reference.</param>
    public void MaybeCreated(string? clientReference)
    {
        if (clientReference is not null && !_created.Values.Contains(clientReference))
        {
            _unknownOutcomes.TryAdd(clientReference, 0);
        }
    }

    /// <summary>Records a reservation cancelled.</summary>
    /// <param name="reservationId">Its vendor id.</param>
    public void Cancelled(string reservationId) => _cancelled.TryAdd(reservationId, 0);

    /// <summary>Tells whether the run created a reservation.</summary>
    /// <param name="reservationId">Its vendor id.</param>
    /// <returns><see langword="true"/> when the run created it.</returns>
    public bool IsCreatedByRun(string reservationId) => _created.ContainsKey(reservationId);

    /// <summary>Tells whether a confirmation number is of a reservation the run created.</summary>
    /// <param name="confirmationNumber">The confirmation number.</param>
    /// <returns><see langword="true"/> when the run created it.</returns>
    public bool IsConfirmationOfRun(string confirmationNumber) => _confirmations.ContainsKey(confirmationNumber);
}
