using HotelPlatform.Connectors.Cli.Hotels;
using Spectre.Console;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>
/// Interactive onboarding: asks for what the flags did not give (hotel id, vendor, the vendor's settings), with the
/// values already supplied as defaults and each answer checked as it is typed in (a valid hotel id, a known vendor, an
/// absolute http(s) address). Secrets are typed masked and never echoed. The host's full validation runs afterwards.
/// </summary>
internal static class OnboardingPrompts
{
    /// <summary>The marker answer that asks the tool to detect the vendor from the settings.</summary>
    public const string Detect = "detect";

    // The settings each vendor needs to connect, in the order asked; optional ones may be left empty (the vendor's
    // documented default applies). Everything else keeps its default and can be added with --set.
    private static readonly Dictionary<string, (string Key, bool Optional)[]> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        [PmsVendors.Apaleo] = [("PropertyId", false), ("ClientId", false), ("ClientSecret", false), ("BaseAddress", true), ("TokenEndpoint", true)],
        [PmsVendors.Mews] = [("PropertyId", false), ("ClientToken", false), ("AccessToken", false), ("BaseAddress", true)],
        [PmsVendors.Opera] = [("PropertyId", false), ("BaseAddress", false), ("ClientId", false), ("ClientSecret", false), ("AppKey", false), ("ExternalSystemCode", false), ("TimeZone", false), ("Currency", false)],
        [PmsVendors.Cloudbeds] = [("PropertyId", false), ("ApiKey", false), ("BaseAddress", true)],
        [PmsVendors.SiteMinder] = [("PropertyId", false), ("RequestorId", false), ("Username", false), ("Password", false), ("BaseAddress", true)],
        [PmsVendors.InMemory] = [("PropertyId", false)],
    };

    /// <summary>Asks for what <paramref name="input"/> lacks.</summary>
    public static OnboardingInput Complete(IAnsiConsole console, OnboardingInput input)
    {
        var hotelId = input.HotelId ?? console.Prompt(new TextPrompt<string>("Hotel id (its key under Hotels):")
            .Validate(id => IsValidHotelId(id) ? ValidationResult.Success() : ValidationResult.Error("[red]letters, digits, '-', '_' and '.' only[/]")));
        var vendorPrompt = new TextPrompt<string>("PMS:")
            .AddChoices([Detect, .. HotelConnectors.Vendors])
            .DefaultValue(input.Vendor ?? Detect);
        var vendor = console.Prompt(vendorPrompt).Trim().ToLowerInvariant();
        var values = new Dictionary<string, string?>(input.Values, StringComparer.OrdinalIgnoreCase);
        if (vendor == Detect)
        {
            // Detection needs the credentials first: ask for the settings every vendor's shape is told by.
            foreach (var key in new[] { "BaseAddress", "ClientId", "ClientSecret", "ClientToken", "AccessToken", "AppKey", "ApiKey", "RequestorId" })
            {
                Ask(console, values, key, optional: true);
            }

            return input with { HotelId = hotelId, Vendor = null, Values = values };
        }

        foreach (var (key, optional) in Fields[vendor])
        {
            Ask(console, values, key, optional);
        }

        return input with { HotelId = hotelId, Vendor = vendor, Values = values };
    }

    private static void Ask(IAnsiConsole console, Dictionary<string, string?> values, string key, bool optional)
    {
        var known = values.GetValueOrDefault(key);
        var secret = AppSettingsWriter.IsSecret(key);
        if (secret && !string.IsNullOrEmpty(known))
        {
            return; // given already: a secret is never shown back as a default
        }

        var prompt = new TextPrompt<string>(optional ? $"{key} [grey](optional)[/]:" : $"{key}:");
        if (secret)
        {
            prompt.Secret();
        }

        if (!string.IsNullOrEmpty(known))
        {
            prompt.DefaultValue(known);
        }
        else if (optional)
        {
            prompt.AllowEmpty();
        }

        if (key.EndsWith("Address", StringComparison.Ordinal) || key.EndsWith("Endpoint", StringComparison.Ordinal))
        {
            prompt.Validate(v => string.IsNullOrEmpty(v) || (Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                ? ValidationResult.Success()
                : ValidationResult.Error("[red]an absolute http(s) address, e.g. https://api.apaleo.com/[/]"));
        }

        var answer = console.Prompt(prompt);
        if (!string.IsNullOrWhiteSpace(answer))
        {
            values[key] = answer.Trim();
        }
    }

    private static bool IsValidHotelId(string id)
    {
        try
        {
            PmsHotelIds.ThrowIfInvalid(id);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
