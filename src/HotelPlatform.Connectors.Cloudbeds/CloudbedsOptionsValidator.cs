namespace HotelPlatform.Connectors.Cloudbeds;

/// <summary>Validates a Cloudbeds hotel's settings when the host starts; every message names the hotel and the setting.</summary>
internal sealed class CloudbedsOptionsValidator : PmsConnectorOptionsValidator<CloudbedsOptions>
{
    private static readonly string[] PaymentMethods = ["cash", "credit", "ebanking", "pay_pal"];

    public static CloudbedsOptionsValidator Instance { get; } = new();

    public override void Validate(CloudbedsOptions options, PmsOptionsValidationContext context)
    {
        base.Validate(options, context);
        var hasKey = !string.IsNullOrWhiteSpace(options.ApiKey);
        var hasRefresh = !string.IsNullOrWhiteSpace(options.RefreshToken);
        if (hasKey == hasRefresh)
        {
            context.AddFailure(nameof(options.ApiKey), "or RefreshToken must be set, not both: an x-api-key, or an OAuth2 refresh token with ClientId and ClientSecret");
        }
        else if (hasRefresh)
        {
            context.RequireText(nameof(options.ClientId), options.ClientId ?? string.Empty);
            context.RequireText(nameof(options.ClientSecret), options.ClientSecret ?? string.Empty);
        }

        context.RequireHttpAddress(nameof(options.TokenEndpoint), options.TokenEndpoint);
        context.RequireRange(nameof(options.RequestsPerSecond), options.RequestsPerSecond, 0, 10);
        context.RequireRange(nameof(options.RequestBurst), options.RequestBurst, 1, 100);
        if (!PaymentMethods.Contains(options.PaymentMethod, StringComparer.Ordinal))
        {
            context.AddFailure(nameof(options.PaymentMethod), "must be one of cash, credit, ebanking, pay_pal");
        }

        if (options.WebhookSecret is { } secret && secret.Trim().Length < CloudbedsOptions.MinimumWebhookSecretLength)
        {
            context.AddFailure(nameof(options.WebhookSecret), $"must be at least {CloudbedsOptions.MinimumWebhookSecretLength} characters so that it cannot be guessed");
        }
    }
}
