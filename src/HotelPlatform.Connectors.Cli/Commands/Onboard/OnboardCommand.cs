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

    /// <summary>A smoke check (or a step of the full run) failed.</summary>
    public const int SmokeFailed = 8;

    /// <summary><c>--full</c> was asked for on a property not confirmed as a test property.</summary>
    public const int FullRunRefused = 9;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var hotel = await OnboardingInput.ReadAsync(settings, cancellationToken).ConfigureAwait(false);
        var simulator = settings.Simulator is { } simulated ? await StartSimulatorAsync(simulated, hotel, cancellationToken).ConfigureAwait(false) : null;
        try
        {
            return await OnboardAsync(settings, hotel, simulator, startedAt, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<int> OnboardAsync(Settings settings, OnboardingInput hotel, OnboardingSimulator? simulator, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (settings.Simulator is not null)
        {
            if (simulator is null)
            {
                return Fail(UnknownPms, $"no simulator for '{settings.Simulator}': hotelpms carries simulators for {string.Join(", ", OnboardingSimulators.Vendors)}.");
            }

            hotel = hotel with { HotelId = hotel.HotelId ?? (settings.NonInteractive ? $"{simulator.Vendor}-simulator" : null), Vendor = simulator.Vendor, VendorSource = "given (--simulator: the vendor's simulator in this process)", Values = simulator.Values };
            console.MarkupLine($"Started the [bold]{Markup.Escape(simulator.Vendor)}[/] simulator in this process on {Markup.Escape(simulator.Bound.Simulator.BaseAddress.ToString())} (it stops when onboarding ends).");
        }

        if (!settings.NonInteractive)
        {
            hotel = OnboardingPrompts.Complete(console, hotel);
        }

        if (hotel.HotelId is null)
        {
            return Fail(HotelPmsCli.Usage, "no hotel id: pass --hotel <ID>.");
        }

        if (settings.Full && (settings.TestProperty is null || settings.TestProperty != hotel.Values.GetValueOrDefault("PropertyId")))
        {
            var propertyId = hotel.Values.GetValueOrDefault("PropertyId") ?? "<PropertyId>";
            return Fail(FullRunRefused, $"--full books, modifies and cancels a reservation, so it runs only on a test property: confirm that property {propertyId} of hotel '{hotel.HotelId}' is one with --test-property {propertyId}. Nothing was run.");
        }

        if (hotel.Vendor is null)
        {
            using var probe = new DocumentedEndpointProbe(TimeSpan.FromSeconds(settings.ProbeTimeoutSeconds));
            var detected = await PmsDetection.DetectAsync(hotel.Values, probe, cancellationToken).ConfigureAwait(false);
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
        var runMode = settings.Full ? "full run refused by a failed smoke check: nothing booked" : "read-only (nothing booked, changed or cancelled)";
        PmsProperty? property;
        try
        {
            var connector = services.GetRequiredService<IPmsConnectorRegistry>().Get(hotel.HotelId);
            (var connection, property) = await OnboardingProbe.ConnectAsync(connector, cancellationToken).ConfigureAwait(false);
            checks.AddRange(connection);
            checks.AddRange(await OnboardingProbe.SmokeAsync(connector, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken).ConfigureAwait(false));
            if (settings.Full && checks.All(c => c.Outcome != CheckOutcome.Failed))
            {
                var (booking, ledger) = await OnboardingFullRun.RunAsync(connector, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken).ConfigureAwait(false);
                checks.AddRange(booking);
                runMode = $"full run on test property {settings.TestProperty}: {ledger.CreatedCount} reservation(s) booked, {ledger.CreatedCount - ledger.NotCancelled.Count} cancelled at the end";
            }
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
            omitted = await AppSettingsWriter.WriteAsync(settings.Output, settings.Section, hotel.HotelId, WrittenSettings(hotel, simulator), settings.WriteSecrets, cancellationToken).ConfigureAwait(false);
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
            SettingsWritten = failed == 0 ? [.. WrittenSettings(hotel, simulator).Keys.Except(omitted).Order(StringComparer.Ordinal)] : [],
            SecretsNotWritten = omitted,
            ConfigurationFile = failed == 0 ? Path.GetFullPath(settings.Output) : null,
            Verdict = failed == 0 ? "ready: configuration written" : $"not ready: {failed} check(s) failed, no configuration written",
            RunMode = runMode,
        };
        await File.WriteAllTextAsync(reportPath, report.ToMarkdown(), cancellationToken).ConfigureAwait(false);
        var pdfPath = Path.ChangeExtension(reportPath, ".pdf");
        try
        {
            OnboardingPdf.Write(report, pdfPath);
        }
        catch (InvalidOperationException exception)
        {
            // The Markdown report is the record; a machine without fonts still onboards.
            console.MarkupLine($"[yellow]PDF report not written:[/] {Markup.Escape(exception.Message)}");
            pdfPath = null;
        }

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
        console.MarkupLine($"Report: {Markup.Escape(reportPath)}{(pdfPath is null ? string.Empty : $" and {Markup.Escape(pdfPath)}")}");
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

    // A hotel onboarded on the tool's simulator is written as the sample host's embedded hotel: the host starts the
    // vendor's simulator for it and replaces the loopback address written here.
    private static IReadOnlyDictionary<string, string?> WrittenSettings(OnboardingInput hotel, OnboardingSimulator? simulator) =>
        simulator is null ? hotel.WithVendor() : new Dictionary<string, string?>(hotel.WithVendor(), StringComparer.OrdinalIgnoreCase) { ["Embedded"] = "true" };

    private static async Task<OnboardingSimulator?> StartSimulatorAsync(string vendor, OnboardingInput hotel, CancellationToken cancellationToken)
    {
        var bound = await OnboardingSimulators.StartAsync(vendor, hotel.HotelId ?? "simulated", hotel.Values, cancellationToken).ConfigureAwait(false);
        if (bound is null)
        {
            return null;
        }

        // The binding's settings point the hotel at the simulator and carry the credentials it accepts.
        var values = new Dictionary<string, string?>(hotel.Values, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in bound.Settings)
        {
            values[key] = value;
        }

        return new OnboardingSimulator(vendor.Trim().ToLowerInvariant(), bound, values);
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
        [Description("The Markdown onboarding report; the PDF one is written next to it (same name, .pdf). Default onboarding-<hotel>.md next to --output.")]
        public string? Report { get; init; }

        [CommandOption("--simulator <VENDOR>")]
        [Description("Onboard against the vendor's simulator, started in this process on loopback: no credentials, no network. The hotel is written as an embedded one (\"Embedded\": true).")]
        public string? Simulator { get; init; }

        [CommandOption("--probe-timeout <SECONDS>")]
        [Description("How long one request probing for the PMS (without --vendor) may take; 5 seconds unless given.")]
        [DefaultValue(5)]
        public int ProbeTimeoutSeconds { get; init; } = 5;

        [CommandOption("--full")]
        [Description("After the read-only checks, book, read, modify and cancel a reservation (the kit's booking areas). Needs --test-property.")]
        public bool Full { get; init; }

        [CommandOption("--test-property <PROPERTY_ID>")]
        [Description("Confirms that the hotel's property (its PropertyId, repeated here) is a test property, where --full may book.")]
        public string? TestProperty { get; init; }

        [CommandOption("--write-secrets")]
        [Description("Also write secret settings (secrets, passwords, keys, tokens) into --output. Without it they are left out and listed.")]
        public bool WriteSecrets { get; init; }

        public override ValidationResult Validate() =>
            JsonFile is not null && !File.Exists(JsonFile) ? ValidationResult.Error($"The settings file '{JsonFile}' does not exist.")
            : Set.FirstOrDefault(s => s.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad ? ValidationResult.Error($"--set '{bad}' is not KEY=VALUE.")
            : NonInteractive && string.IsNullOrWhiteSpace(HotelId) && Simulator is null ? ValidationResult.Error("--non-interactive needs --hotel <ID>.")
            : ProbeTimeoutSeconds is < 1 or > 300 ? ValidationResult.Error($"--probe-timeout {ProbeTimeoutSeconds} is not between 1 and 300 seconds.")
            : TestProperty is not null && !Full ? ValidationResult.Error("--test-property confirms a --full run; pass --full too, or leave it out.")
            : Simulator is not null && Vendor is not null && !string.Equals(Simulator.Trim(), Vendor.Trim(), StringComparison.OrdinalIgnoreCase) ? ValidationResult.Error($"--simulator {Simulator} and --vendor {Vendor} name different PMSs.")
            : ValidationResult.Success();
    }
}

/// <summary>The simulator <c>--simulator</c> started, and the hotel's settings pointed at it.</summary>
internal sealed record OnboardingSimulator(string Vendor, HotelPlatform.Connectors.Simulators.BoundSimulator Bound, IReadOnlyDictionary<string, string?> Values) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Bound.DisposeAsync();
}
