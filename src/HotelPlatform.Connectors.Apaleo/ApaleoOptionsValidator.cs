namespace HotelPlatform.Connectors.Apaleo;

/// <summary>Validates an Apaleo hotel's settings when the host starts; every message names the hotel and the setting.</summary>
internal sealed class ApaleoOptionsValidator : PmsConnectorOptionsValidator<ApaleoOptions>
{
    /// <summary>The channel whose bookings Apaleo refuses without a source ("Source is required for ChannelManager channel", apaleo.dev channel-integration troubleshooting).</summary>
    private const string ChannelManager = "ChannelManager";

    public static ApaleoOptionsValidator Instance { get; } = new();

    public override void Validate(ApaleoOptions options, PmsOptionsValidationContext context)
    {
        base.Validate(options, context);
        context.RequireText(nameof(options.ClientId), options.ClientId);
        context.RequireText(nameof(options.ClientSecret), options.ClientSecret);
        context.RequireHttpAddress(nameof(options.TokenEndpoint), options.TokenEndpoint);
        context.RequireHttpAddress(nameof(options.WebhookAddress), options.WebhookAddress);
        if (context.RequireText(nameof(options.ChannelCode), options.ChannelCode)
            && string.Equals(options.ChannelCode.Trim(), ChannelManager, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrWhiteSpace(options.Source))
        {
            context.AddFailure(nameof(options.Source), "is required when ChannelCode is ChannelManager");
        }

        if (options.Scopes.Any(scope => string.IsNullOrWhiteSpace(scope) || scope.Any(char.IsWhiteSpace)))
        {
            context.AddFailure(nameof(options.Scopes), "must each be one scope name without spaces, for example reservations.manage");
        }

        context.RequireRange(nameof(options.RequestsPerSecond), options.RequestsPerSecond, 0, 100);
        context.RequireRange(nameof(options.RequestBurst), options.RequestBurst, 1, 1000);
        foreach (var (setting, problem) in options.Webhook.Problems())
        {
            context.AddFailure($"{nameof(options.Webhook)}:{setting}", problem);
        }
    }
}
