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
        var hasCode = !string.IsNullOrWhiteSpace(options.AuthorizationCode);
        if (hasKey == (hasRefresh || hasCode) || (hasRefresh && hasCode))
        {
            context.AddFailure(nameof(options.ApiKey), "or RefreshToken or AuthorizationCode must be set, only one: an x-api-key, or an OAuth2 refresh token or authorization code with ClientId and ClientSecret");
        }
        else if (hasRefresh || hasCode)
        {
            context.RequireText(nameof(options.ClientId), options.ClientId ?? string.Empty);
            context.RequireText(nameof(options.ClientSecret), options.ClientSecret ?? string.Empty);
        }

        if (hasCode && options.RedirectUri is null)
        {
            context.AddFailure(nameof(options.RedirectUri), "must be set with AuthorizationCode: the token endpoint checks it against the app's registered redirect URI");
        }

        context.RequireHttpAddress(nameof(options.RedirectUri), options.RedirectUri);

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
