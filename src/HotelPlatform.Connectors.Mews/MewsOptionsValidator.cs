namespace HotelPlatform.Connectors.Mews;

/// <summary>Validates a Mews hotel's settings when the host starts; every message names the hotel and the setting.</summary>
internal sealed class MewsOptionsValidator : PmsConnectorOptionsValidator<MewsOptions>
{
    public static MewsOptionsValidator Instance { get; } = new();

    public override void Validate(MewsOptions options, PmsOptionsValidationContext context)
    {
        base.Validate(options, context);
        context.RequireText(nameof(options.ClientToken), options.ClientToken);
        context.RequireText(nameof(options.AccessToken), options.AccessToken);
        context.RequireText(nameof(options.Client), options.Client);
        context.RequireText(nameof(options.DefaultCancellationNote), options.DefaultCancellationNote);
        context.RequireRange(nameof(options.RequestsPer30Seconds), options.RequestsPer30Seconds, 0, MewsOptions.DefaultRequestsPer30Seconds);
        context.RequireRange(nameof(options.RequestBurst), options.RequestBurst, 1, 100);
        if (options.RequestsPer30Seconds > 0 && options.RequestBurst >= options.RequestsPer30Seconds)
        {
            context.AddFailure(nameof(options.RequestBurst), "must be less than RequestsPer30Seconds");
        }

        if (options.WebhookToken is { } token && token.Length < 16)
        {
            context.AddFailure(nameof(options.WebhookToken), "must be at least 16 characters (a random secret)");
        }
    }
}
