namespace HotelPlatform.Connectors.SiteMinder;

/// <summary>Validates a SiteMinder hotel's settings when the host starts; every message names the hotel and the setting.</summary>
internal sealed class SiteMinderOptionsValidator : PmsConnectorOptionsValidator<SiteMinderOptions>
{
    public static SiteMinderOptionsValidator Instance { get; } = new();

    public override void Validate(SiteMinderOptions options, PmsOptionsValidationContext context)
    {
        base.Validate(options, context);
        context.RequireText(nameof(options.RequestorId), options.RequestorId);
        context.RequireText(nameof(options.Username), options.Username);
        context.RequireText(nameof(options.Password), options.Password);
        if (options.PollInterval < TimeSpan.FromMinutes(2) || options.PollInterval > TimeSpan.FromMinutes(5))
        {
            context.AddFailure(nameof(options.PollInterval), "must be from 2 to 5 minutes (SiteMinder: poll not more often than every 2 and not less often than every 5 minutes)");
        }

        if (string.IsNullOrEmpty(options.Push.Username) != string.IsNullOrEmpty(options.Push.Password))
        {
            context.AddFailure(nameof(options.Push), "needs both Username and Password, or neither");
        }
    }
}
