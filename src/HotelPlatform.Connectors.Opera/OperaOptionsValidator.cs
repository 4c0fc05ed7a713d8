using System.Text.RegularExpressions;

namespace HotelPlatform.Connectors.Opera;

/// <summary>Validates an OPERA hotel's settings when the host starts; every message names the hotel and the setting.</summary>
internal sealed partial class OperaOptionsValidator : PmsConnectorOptionsValidator<OperaOptions>
{
    public static OperaOptionsValidator Instance { get; } = new();

    public override void Validate(OperaOptions options, PmsOptionsValidationContext context)
    {
        base.Validate(options, context);
        context.RequireText(nameof(options.ClientId), options.ClientId);
        context.RequireText(nameof(options.ClientSecret), options.ClientSecret);
        context.RequireText(nameof(options.ExternalSystemCode), options.ExternalSystemCode);
        if (options.BaseAddress is null)
        {
            context.AddFailure(nameof(options.BaseAddress), "is required: the environment's OHIP gateway URL (the Developer Portal shows it)");
        }
        else
        {
            context.RequireHttpAddress(nameof(options.BaseAddress), options.BaseAddress);
        }

        if (context.RequireText(nameof(options.AppKey), options.AppKey) && !AppKey().IsMatch(options.AppKey))
        {
            context.AddFailure(nameof(options.AppKey), "must be the application key, a UUID v4 (oauth.json x-app-key pattern)");
        }

        if (options.EnterpriseId is { } enterprise && !EnterpriseId().IsMatch(enterprise))
        {
            context.AddFailure(nameof(options.EnterpriseId), "must be 1 to 8 capital letters or digits (oauth.json enterpriseId pattern)");
        }

        if (options.Grant == OperaGrant.Password)
        {
            context.RequireText(nameof(options.UserName), options.UserName);
            context.RequireText(nameof(options.Password), options.Password);
        }

        if (context.RequireText(nameof(options.TimeZone), options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            context.AddFailure(nameof(options.TimeZone), $"'{options.TimeZone}' is not a time zone this machine knows");
        }

        if (context.RequireText(nameof(options.Currency), options.Currency) && !CurrencyCodes.IsKnown(options.Currency))
        {
            context.AddFailure(nameof(options.Currency), "must be an ISO 4217 code such as EUR");
        }

        context.RequireRange(nameof(options.RequestsPerSecond), options.RequestsPerSecond, 0, 1000);
        context.RequireRange(nameof(options.RequestBurst), options.RequestBurst, 1, 1000);
        context.RequireRange(nameof(options.ReservationPageSize), options.ReservationPageSize, 1, OperaLimits.MaxReservationLimit);
        context.RequireRange(nameof(options.SearchResultCap), options.SearchResultCap, 1, 1_000_000);
        context.RequireRange(nameof(options.ChangedSinceHorizonDays), options.ChangedSinceHorizonDays, 1, 3650);
    }

    [GeneratedRegex("^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-4[a-fA-F0-9]{3}-[89aAbB][a-fA-F0-9]{3}-[a-fA-F0-9]{12}$")]
    private static partial Regex AppKey();

    [GeneratedRegex("^[A-Z0-9]{1,8}$")]
    private static partial Regex EnterpriseId();
}
