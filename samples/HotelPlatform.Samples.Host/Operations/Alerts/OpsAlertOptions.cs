using Microsoft.Extensions.Options;

namespace HotelPlatform.Samples.Host.Operations.Alerts;

/// <summary>The alert engine's configuration (<c>Ops:Alerts</c>), validated when the host starts.</summary>
internal sealed class OpsAlertOptions
{
    /// <summary>Gets or sets how often the rules are evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the SQLite file the alerts and their notifications are kept in (relative to the inbox's folder).</summary>
    public string Store { get; set; } = "ops-alerts.db";

    /// <summary>Gets the rules; each is on unless its <c>Enabled</c> is false.</summary>
    public OpsAlertRulesOptions Rules { get; } = new();

    /// <summary>Gets where alert changes are posted.</summary>
    public OpsAlertNotifyOptions Notify { get; } = new();
}

/// <summary>The rules (<c>Ops:Alerts:Rules</c>).</summary>
internal sealed class OpsAlertRulesOptions
{
    /// <summary>Gets a hotel's health check reporting unhealthy for at least <see cref="UnhealthyRule.For"/>.</summary>
    public UnhealthyRule Unhealthy { get; } = new();

    /// <summary>Gets a hotel's connection errors above a share of its operations over a window.</summary>
    public ErrorRateRule ErrorRate { get; } = new();

    /// <summary>Gets a vendor account's quota in use above a share.</summary>
    public QuotaInUseRule QuotaInUse { get; } = new();

    /// <summary>Gets a hotel with dead-lettered webhook events.</summary>
    public DeadLettersRule DeadLetters { get; } = new();

    /// <summary>Gets a hotel whose reconciliation found changes while no webhook arrived over a window.</summary>
    public WebhookSilenceRule WebhookSilence { get; } = new();

    /// <summary>A rule that may be switched off.</summary>
    internal abstract class Rule
    {
        /// <summary>Gets or sets a value indicating whether the rule is evaluated.</summary>
        public bool Enabled { get; set; } = true;
    }

    /// <summary>Unhealthy for N minutes.</summary>
    internal sealed class UnhealthyRule : Rule
    {
        /// <summary>Gets or sets how long the hotel must have been unhealthy.</summary>
        public TimeSpan For { get; set; } = TimeSpan.FromMinutes(5);
    }

    /// <summary>Error rate above X over a window.</summary>
    internal sealed class ErrorRateRule : Rule
    {
        /// <summary>Gets or sets the share of operations (0 to 1) above which the rule fires.</summary>
        public double Above { get; set; } = 0.2;

        /// <summary>Gets or sets the window the rate is computed over.</summary>
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Gets or sets the fewest operations in the window for the rate to count (one failed call of one is not a trend).</summary>
        public int MinOperations { get; set; } = 10;
    }

    /// <summary>Quota in use above a share.</summary>
    internal sealed class QuotaInUseRule : Rule
    {
        /// <summary>Gets or sets the share of the account's permits in use (0 to 1) above which the rule fires.</summary>
        public double Above { get; set; } = 0.9;
    }

    /// <summary>Dead letters present.</summary>
    internal sealed class DeadLettersRule : Rule
    {
        /// <summary>Gets or sets how many dead letters a hotel may have before the rule fires.</summary>
        public int Above { get; set; }
    }

    /// <summary>Webhook silence while reconciliation finds changes.</summary>
    internal sealed class WebhookSilenceRule : Rule
    {
        /// <summary>Gets or sets the window: reconciliation events and no webhook delivery within it fire the rule.</summary>
        public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
    }
}

/// <summary>Webhook notification of alert changes (<c>Ops:Alerts:Notify</c>).</summary>
internal sealed class OpsAlertNotifyOptions
{
    /// <summary>Gets the addresses every fired, acknowledged and resolved alert is posted to as JSON.</summary>
    public List<Uri> Urls { get; } = [];

    /// <summary>Gets or sets how many deliveries of one notification are tried before it is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Gets or sets the wait after the first failed delivery; it doubles with every further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how often due notifications are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Checks <see cref="OpsAlertOptions"/> and <see cref="OpsSlaOptions"/> at start-up so a typo stops the host with a message instead of silencing alerts.</summary>
internal sealed class OpsAlertOptionsValidator : IValidateOptions<OpsAlertOptions>, IValidateOptions<OpsSlaOptions>
{
    public ValidateOptionsResult Validate(string? name, OpsSlaOptions options) =>
        options.Validate().ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, OpsAlertOptions options)
    {
        var errors = new List<string>();
        var rules = options.Rules;
        if (options.EvaluationInterval <= TimeSpan.Zero)
        {
            errors.Add($"Ops:Alerts:EvaluationInterval must be more than zero (it is {options.EvaluationInterval}).");
        }

        if (string.IsNullOrWhiteSpace(options.Store))
        {
            errors.Add("Ops:Alerts:Store must name a SQLite file.");
        }

        if (rules.Unhealthy.For < TimeSpan.Zero)
        {
            errors.Add($"Ops:Alerts:Rules:Unhealthy:For must not be negative (it is {rules.Unhealthy.For}).");
        }

        CheckShare(errors, "Ops:Alerts:Rules:ErrorRate:Above", rules.ErrorRate.Above);
        CheckWindow(errors, "Ops:Alerts:Rules:ErrorRate:Window", rules.ErrorRate.Window);
        if (rules.ErrorRate.MinOperations < 1)
        {
            errors.Add($"Ops:Alerts:Rules:ErrorRate:MinOperations must be at least 1 (it is {rules.ErrorRate.MinOperations}).");
        }

        CheckShare(errors, "Ops:Alerts:Rules:QuotaInUse:Above", rules.QuotaInUse.Above);
        if (rules.DeadLetters.Above < 0)
        {
            errors.Add($"Ops:Alerts:Rules:DeadLetters:Above must not be negative (it is {rules.DeadLetters.Above}).");
        }

        CheckWindow(errors, "Ops:Alerts:Rules:WebhookSilence:Window", rules.WebhookSilence.Window);
        for (var i = 0; i < options.Notify.Urls.Count; i++)
        {
            var url = options.Notify.Urls[i];
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"Ops:Alerts:Notify:Urls:{i} must be an absolute http or https address (it is '{url}').");
            }
        }

        if (options.Notify.MaxAttempts < 1)
        {
            errors.Add($"Ops:Alerts:Notify:MaxAttempts must be at least 1 (it is {options.Notify.MaxAttempts}).");
        }

        if (options.Notify.RetryDelay <= TimeSpan.Zero || options.Notify.PollInterval <= TimeSpan.Zero)
        {
            errors.Add("Ops:Alerts:Notify:RetryDelay and PollInterval must be more than zero.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckShare(List<string> errors, string key, double value)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            errors.Add($"{key} is a share between 0 and 1 (it is {value}); write 0.9 for 90 %.");
        }
    }

    private static void CheckWindow(List<string> errors, string key, TimeSpan window)
    {
        if (window <= TimeSpan.Zero || window > OpsOperationWindow.Retention)
        {
            errors.Add($"{key} must be more than zero and at most {OpsOperationWindow.Retention} (it is {window}).");
        }
    }
}
