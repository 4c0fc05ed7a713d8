namespace HotelPlatform.Connectors.Events;

/// <summary>The rules every event a handler or source hands over obeys.</summary>
internal static class PmsEventRules
{
    public static void ThrowIfInvalid(PmsInboundEvent? inbound, string paramName)
    {
        if (inbound?.Event is not { } pmsEvent)
        {
            throw new ArgumentException("An inbound event must carry its normalised event.", paramName);
        }

        if (string.IsNullOrWhiteSpace(pmsEvent.EventId) || string.IsNullOrWhiteSpace(pmsEvent.Vendor) || string.IsNullOrWhiteSpace(pmsEvent.PropertyId))
        {
            throw new ArgumentException(
                $"A {pmsEvent.GetType().Name} must carry an event id (the vendor's, or {nameof(PmsEventIds)}.{nameof(PmsEventIds.FromContent)} where the vendor gives none), its vendor and its property.",
                paramName);
        }
    }
}
