namespace HotelPlatform.Connectors.Events;

/// <summary>
/// The base of a vendor's <see cref="IPmsWebhookHandler"/>. It runs <see cref="Verify"/> first and parses only a
/// verified delivery; a failed verification is <see cref="PmsWebhookResult.Rejected"/> whatever the body holds; a
/// <see cref="FormatException"/> from <see cref="ParseAsync"/> is <see cref="PmsWebhookOutcome.Malformed"/> with the
/// exception's message (which must not quote the body), never an exception that would become a 500.
/// </summary>
public abstract class PmsWebhookHandler : IPmsWebhookHandler
{
    /// <inheritdoc />
    public abstract string Vendor { get; }

    /// <inheritdoc />
    public async ValueTask<PmsWebhookResult> HandleAsync(PmsWebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Verify(request))
        {
            return PmsWebhookResult.Rejected();
        }

        try
        {
            return await ParseAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException exception)
        {
            return PmsWebhookResult.Malformed(exception.Message);
        }
    }

    /// <summary>
    /// Checks that the delivery comes from the vendor for this hotel: compare secrets with <see cref="PmsWebhookSecret"/>
    /// (constant time) and return <see langword="false"/> on any doubt, including when nothing is configured to check.
    /// Log why if useful, never with the secret; the caller is told nothing.
    /// </summary>
    /// <param name="request">The delivery.</param>
    /// <returns><see langword="true"/> when every configured check passed.</returns>
    protected abstract bool Verify(PmsWebhookRequest request);

    /// <summary>Parses a verified delivery into events, a ping, or an ignored type; throws <see cref="FormatException"/> for a body that is not of the vendor's shape.</summary>
    /// <param name="request">The verified delivery.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The result.</returns>
    protected abstract ValueTask<PmsWebhookResult> ParseAsync(PmsWebhookRequest request, CancellationToken cancellationToken);
}
