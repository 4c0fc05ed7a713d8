namespace HotelPlatform.Connectors.Mews;

/// <summary>What the Mews connector can do, decided from the Mews Connector API documents (see <c>docs/connectors/mews.md</c>).</summary>
internal static class MewsCapabilities
{
    /// <summary>
    /// Every capability except <see cref="ConnectorCapabilities.IdempotentCreate"/> (the Connector API documents no idempotency key; creates are
    /// made exactly once by a <c>ChannelNumber</c> lookup instead).
    /// </summary>
    public const ConnectorCapabilities Supported =
        ConnectorCapabilities.All
        & ~ConnectorCapabilities.IdempotentCreate;
}
