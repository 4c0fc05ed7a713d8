namespace HotelPlatform.Connectors.ContractTests.Live;

/// <summary>
/// Finds the kit's bookings that are still live in the window: leftovers of a crashed run (swept when a run starts)
/// and anything a run failed to cancel (counted, and cancelled in full mode, when it ends).
/// </summary>
/// <remarks>
/// A booking is the kit's when its client reference is the kit's (<see cref="ContractKit.ClientReferencePrefix"/> and 32
/// hex digits), or — where the vendor does not give the reference back — its guest is the kit's made-up guest
/// (<see cref="ContractKit.GuestFirstName"/>, <see cref="ContractKit.GuestLastNamePrefix"/> and eight letters). Nothing
/// else is ever touched. The window's arrivals are listed day by day, so a vendor without reservation lists is swept
/// through the run's own ledger only.
/// </remarks>
internal static class LiveSandboxSweeper
{
    /// <summary>Tells whether a reservation is a live booking the kit made.</summary>
    /// <param name="reservation">The reservation.</param>
    /// <returns><see langword="true"/> when it is the kit's and not cancelled or over.</returns>
    public static bool IsLiveKitBooking(Reservation reservation)
    {
        if (reservation.Status is ReservationStatus.Cancelled or ReservationStatus.CheckedOut or ReservationStatus.NoShow)
        {
            return false;
        }

        return reservation.ClientReference is { } reference
            ? IsKitReference(reference)
            : reservation.PrimaryGuest is { } guest && IsKitGuest(guest);
    }

    /// <summary>Lists the kit's live bookings arriving in a window.</summary>
    /// <param name="connector">The vendor's connector.</param>
    /// <param name="firstNight">The window's first night.</param>
    /// <param name="nights">The window's nights.</param>
    /// <param name="cancellationToken">A token that cancels the sweep.</param>
    /// <returns>Their vendor ids; empty when the connector cannot list reservations.</returns>
    public static async Task<IReadOnlyList<string>> FindAsync(IPmsConnector connector, DateOnly firstNight, int nights, CancellationToken cancellationToken)
    {
        if (!connector.Supports(ConnectorCapabilities.ListReservations))
        {
            return [];
        }

        var found = new List<string>();
        for (var night = firstNight; night < firstNight.AddDays(nights); night = night.AddDays(1))
        {
            await foreach (var reservation in connector.GetReservationsAsync(ReservationQuery.Arrivals(night), cancellationToken))
            {
                if (IsLiveKitBooking(reservation) && !found.Contains(reservation.VendorId))
                {
                    found.Add(reservation.VendorId);
                }
            }
        }

        return found;
    }

    /// <summary>Cancels reservations, counting those that stay live.</summary>
    /// <param name="connector">The vendor's connector.</param>
    /// <param name="reservationIds">The reservations.</param>
    /// <param name="cancellationToken">A token that cancels the sweep.</param>
    /// <returns>The ids that could not be cancelled.</returns>
    public static async Task<IReadOnlyList<string>> CancelAsync(IPmsConnector connector, IEnumerable<string> reservationIds, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        foreach (var id in reservationIds)
        {
            try
            {
                await connector.CancelReservationAsync(id, "contract kit cleanup", cancellationToken);
            }
            catch (PmsException)
            {
                failed.Add(id);
            }
        }

        return failed;
    }

    private static bool IsKitReference(string reference) =>
        reference.StartsWith(ContractKit.ClientReferencePrefix, StringComparison.Ordinal)
        && reference.Length == ContractKit.ClientReferencePrefix.Length + 32
        && reference.AsSpan(ContractKit.ClientReferencePrefix.Length).ContainsAnyExcept("0123456789abcdef") is false;

    private static bool IsKitGuest(GuestProfile guest) =>
        guest.FirstName == ContractKit.GuestFirstName
        && guest.LastName.StartsWith(ContractKit.GuestLastNamePrefix, StringComparison.Ordinal)
        && guest.LastName.Length == ContractKit.GuestLastNamePrefix.Length + 8
        && guest.LastName.AsSpan(ContractKit.GuestLastNamePrefix.Length).ContainsAnyExceptInRange('a', 'z') is false;
}
