namespace HotelPlatform.Connectors.InMemory;

/// <summary>Validates an in-memory hotel's settings when the host starts; messages name the hotel and the setting.</summary>
internal sealed class InMemoryPmsOptionsValidator : PmsConnectorOptionsValidator<InMemoryPmsOptions>
{
    public static InMemoryPmsOptionsValidator Instance { get; } = new();

    public override void Validate(InMemoryPmsOptions options, PmsOptionsValidationContext context)
    {
        base.Validate(options, context);
        context.RequireText(nameof(options.Name), options.Name);
        if (context.RequireText(nameof(options.TimeZone), options.TimeZone)
            && (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone) || !zone.HasIanaId))
        {
            context.AddFailure(nameof(options.TimeZone), "must be an IANA time zone known on this machine, for example Europe/Berlin");
        }

        if (context.RequireText(nameof(options.Currency), options.Currency) && !CurrencyCodes.IsKnown(options.Currency))
        {
            context.AddFailure(nameof(options.Currency), "must be an active ISO 4217 currency code, for example EUR");
        }

        context.RequireRange(nameof(options.DefaultPageSize), options.DefaultPageSize, 1, 1000);
        if ((options.Capabilities & ~ConnectorCapabilities.All) != 0)
        {
            context.AddFailure(nameof(options.Capabilities), "names capabilities that do not exist");
        }
    }
}
