using System.ComponentModel;
using HotelPlatform.Connectors.Cli.Hotels;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>
/// <c>hotelpms onboard</c>: takes a new hotel's settings (flags, a JSON file or prompts), validates them as a host does at
/// start, tests the connection (authentication, property read, quota headroom), runs a read-only smoke subset of the
/// contract kit's reads, and only when all of that passes writes the hotel's section into an appsettings.json and an
/// onboarding report. Any failure ends with one line naming it, a distinct exit code and no configuration written.
/// </summary>
internal sealed class OnboardCommand(IAnsiConsole console) : AsyncCommand<OnboardCommand.Settings>
{
    /// <summary>The hotel's settings fail the host's start-up validation (or the hotel id is not valid).</summary>
    public const int InvalidConfiguration = 3;

    /// <summary>The PMS refused the credentials.</summary>
    public const int WrongCredentials = 4;

    /// <summary>The PMS is not one the tool knows, or could not be detected.</summary>
    public const int UnknownPms = 5;

    /// <summary>The account's request quota is exhausted: the PMS answered 429 for longer than the connector waits.</summary>
    public const int QuotaExhausted = 6;

    /// <summary>The PMS could not be reached or kept failing.</summary>
    public const int Unreachable = 7;

    /// <summary>A smoke check failed.</summary>
    public const int SmokeFailed = 8;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var hotel = await OnboardingInput.ReadAsync(settings, cancellationToken).ConfigureAwait(false);
        if (!settings.NonInteractive)
        {
            hotel = OnboardingPrompts.Complete(console, hotel);
        }

        if (hotel.HotelId is null)
        {
            return Fail(HotelPmsCli.Usage, "no hotel id: pass --hotel <ID>.");
        }

        if (hotel.Vendor is null)
        {
            var detected = await PmsDetection.DetectAsync(hotel.Values, cancellationToken).ConfigureAwait(false);
            if (detected is null)
            {
                return Fail(UnknownPms, $"unknown PMS: nothing in the settings given identifies one of {string.Join(", ", HotelConnectors.Vendors)}; pass --vendor.");
            }

            hotel = hotel with { Vendor = detected.Vendor, VendorSource = $"detected: {detected.Reason}" };
            console.MarkupLine($"Detected [bold]{Markup.Escape(detected.Vendor)}[/] ({Markup.Escape(detected.Reason)}).");
        }

        if (!HotelConnectors.IsKnown(hotel.Vendor))
        {
            return Fail(UnknownPms, $"unknown PMS '{hotel.Vendor}': hotelpms carries {string.Join(", ", HotelConnectors.Vendors)}.");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(hotel.ToConfiguration(settings.Section)).Build();
        using var limiters = new ObservingRateLimiterProvider();
        ServiceProvider services;
        try
        {
            services = HotelConnectors.Build(configuration.GetSection(settings.Section), s => s.AddSingleton<IPmsRateLimiterProvider>(limiters));
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            return Fail(InvalidConfiguration, hotel.Redact(exception.Message));
        }

        await using var disposeServices = services.ConfigureAwait(false);
        var failures = HotelConnectors.Validate(services);
        if (failures.Count > 0)
        {
            foreach (var failure in failures)
            {
                console.MarkupLine($"  [red]-[/] {Markup.Escape(hotel.Redact(failure))}");
            }

            return Fail(InvalidConfiguration, $"the settings of hotel '{hotel.HotelId}' are not valid ({failures.Count} problem(s) above).");
        }

        var checks = new List<OnboardingCheck>();
        PmsProperty? property;
        try
        {
            var connector = services.GetRequiredService<IPmsConnectorRegistry>().Get(hotel.HotelId);
            (var connection, property) = await OnboardingProbe.ConnectAsync(connector, cancellationToken).ConfigureAwait(false);
            checks.AddRange(connection);
            checks.AddRange(await OnboardingProbe.SmokeAsync(connector, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken).ConfigureAwait(false));
        }
        catch (PmsAuthenticationException exception)
        {
            return Fail(WrongCredentials, $"wrong credentials: {hotel.Vendor} refused them ({hotel.Redact(exception.Message)}).");
        }
        catch (PmsRateLimitedException exception)
        {
            var retry = exception.RetryAfter is { } wait ? $"; retry after {wait}" : string.Empty;
            return Fail(QuotaExhausted, $"quota exhausted: {hotel.Vendor} answers 429 for this account{retry}.");
        }
        catch (Exception exception) when (exception is PmsException or HttpRequestException)
        {
            return Fail(Unreachable, $"{hotel.Vendor} could not be used: {hotel.Redact(exception.Message)}");
        }

        var quota = OnboardingProbe.DescribeQuota(limiters);
        var failed = checks.Count(c => c.Outcome == CheckOutcome.Failed);
        var reportPath = settings.Report ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Output)) ?? ".", $"onboarding-{hotel.HotelId}.md");
        IReadOnlyList<string> omitted = [];
        if (failed == 0)
        {
            omitted = await AppSettingsWriter.WriteAsync(settings.Output, settings.Section, hotel.HotelId, hotel.WithVendor(), settings.WriteSecrets, cancellationToken).ConfigureAwait(false);
        }

        var report = new OnboardingReport
        {
            HotelId = hotel.HotelId,
            Vendor = hotel.Vendor,
            VendorSource = hotel.VendorSource,
            StartedAt = startedAt,
            Property = property,
            Checks = checks,
            Quota = quota,
            SettingsWritten = failed == 0 ? [.. hotel.WithVendor().Keys.Except(omitted).Order(StringComparer.Ordinal)] : [],
            SecretsNotWritten = omitted,
            ConfigurationFile = failed == 0 ? Path.GetFullPath(settings.Output) : null,
            Verdict = failed == 0 ? "ready: configuration written" : $"not ready: {failed} check(s) failed, no configuration written",
        };
        await File.WriteAllTextAsync(reportPath, report.ToMarkdown(), cancellationToken).ConfigureAwait(false);

        var table = new Table().AddColumn("Check").AddColumn("Result").AddColumn("Detail");
        foreach (var check in checks)
        {
            var outcome = check.Outcome switch
            {
                CheckOutcome.Passed => "[green]passed[/]",
                CheckOutcome.Skipped => "[yellow]skipped[/]",
                _ => "[red]failed[/]",
            };
            table.AddRow(Markup.Escape(check.Name), outcome, Markup.Escape(hotel.Redact(check.Detail)));
        }

        console.Write(table);
        console.MarkupLine($"Quota: {Markup.Escape(quota)}");
        console.MarkupLine($"Report: {Markup.Escape(reportPath)}");
        if (failed > 0)
        {
            return Fail(SmokeFailed, $"{failed} smoke check(s) failed against hotel '{hotel.HotelId}'.");
        }

        if (omitted.Count > 0)
        {
            console.MarkupLine($"[yellow]Secrets not written[/] (pass --write-secrets to write them): {Markup.Escape(string.Join(", ", omitted))}");
        }

        console.MarkupLine($"[green]Onboarded[/] hotel '{Markup.Escape(hotel.HotelId)}' ({Markup.Escape(hotel.Vendor)}): section {Markup.Escape(settings.Section)}:{Markup.Escape(hotel.HotelId)} written to {Markup.Escape(settings.Output)}.");
        return HotelPmsCli.Success;
    }

    private int Fail(int exitCode, string message)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)} No configuration written.");
        return exitCode;
    }

    /// <summary>The settings of <c>hotelpms onboard</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--non-interactive")]
        [Description("Never prompt: everything comes from --vendor, --hotel, --json and --set (for automation).")]
        public bool NonInteractive { get; init; }

        [CommandOption("--hotel <ID>")]
        [Description("The hotel's id: its key under the Hotels section.")]
        public string? HotelId { get; init; }

        [CommandOption("--vendor <NAME>")]
        [Description("The PMS: apaleo, cloudbeds, mews, opera, siteminder (or inmemory). Detected from the settings when absent.")]
        public string? Vendor { get; init; }

        [CommandOption("--json <FILE>")]
        [Description("A JSON file with the hotel's settings (the object under Hotels:<id>).")]
        public string? JsonFile { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("One setting of the hotel (repeatable; ':' nests, e.g. Webhook:UrlSecret=...). Wins over --json.")]
        public string[] Set { get; init; } = [];

        [CommandOption("-o|--output <FILE>")]
        [Description("The appsettings.json to write the hotel into (created when absent; its other keys are kept). Default appsettings.json.")]
        public string Output { get; init; } = "appsettings.json";

        [CommandOption("--section <NAME>")]
        [Description("The section that lists the hotels. Default Hotels.")]
        public string Section { get; init; } = "Hotels";

        [CommandOption("--report <FILE>")]
        [Description("The Markdown onboarding report. Default onboarding-<hotel>.md next to --output.")]
        public string? Report { get; init; }

        [CommandOption("--write-secrets")]
        [Description("Also write secret settings (secrets, passwords, keys, tokens) into --output. Without it they are left out and listed.")]
        public bool WriteSecrets { get; init; }

        public override ValidationResult Validate() =>
            JsonFile is not null && !File.Exists(JsonFile) ? ValidationResult.Error($"The settings file '{JsonFile}' does not exist.")
            : Set.FirstOrDefault(s => s.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad ? ValidationResult.Error($"--set '{bad}' is not KEY=VALUE.")
            : NonInteractive && string.IsNullOrWhiteSpace(HotelId) ? ValidationResult.Error("--non-interactive needs --hotel <ID>.")
            : ValidationResult.Success();
    }
}
