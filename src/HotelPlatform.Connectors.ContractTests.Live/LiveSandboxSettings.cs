using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.ContractTests.Live;

/// <summary>What a live kit run may do to the sandbox.</summary>
public enum LiveSandboxMode
{
    /// <summary>Only what changes nothing: reads, lists, quotes; every test that would book, change or cancel is skipped with the reason. The default.</summary>
    ReadOnly = 0,

    /// <summary>The whole kit: bookings are made (with recognisable client references) and cancelled at the end of each test.</summary>
    Full,
}

/// <summary>
/// The settings of a live kit run for one vendor, read from the variables <c>HOTELPLATFORM_LIVE_{VENDOR}_{NAME}</c>
/// (environment variables, or the same names in the test assembly's .NET user secrets; the environment wins).
/// </summary>
/// <remarks>
/// <para>
/// The kit's own names are <c>ROOMTYPE</c>, <c>RATEPLAN</c>, <c>FIRSTNIGHT</c> (yyyy-MM-dd), <c>NIGHTS</c>, <c>MODE</c>
/// (<c>readonly</c> or <c>full</c>), <c>CALLSPERSECOND</c>, <c>VISIBILITYWAIT</c> (seconds), <c>UNKNOWNRESERVATION</c>,
/// <c>UNKNOWNGUEST</c> and <c>RESULTS</c> (the certification file). Every other variable of the vendor is a setting of
/// the hotel's vendor options, by name: <c>HOTELPLATFORM_LIVE_APALEO_CLIENTID</c> is Apaleo's <c>ClientId</c>, and a
/// double underscore nests (<c>..._WEBHOOK__URLSECRET</c>). An unknown name fails the run at start with the nearest
/// known setting, as any hotel configuration does.
/// </para>
/// </remarks>
public sealed class LiveSandboxSettings
{
    /// <summary>The start of every variable name.</summary>
    public const string VariablePrefix = "HOTELPLATFORM_LIVE_";

    /// <summary>The room type the kit books (required of a vendor that books).</summary>
    public const string RoomTypeVariable = "ROOMTYPE";

    /// <summary>The rate plan the kit books (required of a vendor that books).</summary>
    public const string RatePlanVariable = "RATEPLAN";

    /// <summary>The first night of the kit's window, yyyy-MM-dd; 30 days from today when absent.</summary>
    public const string FirstNightVariable = "FIRSTNIGHT";

    /// <summary>The number of nights of the window; <see cref="PmsContractScenario.MinimumNights"/> when absent.</summary>
    public const string NightsVariable = "NIGHTS";

    /// <summary><c>readonly</c> (the default) or <c>full</c>.</summary>
    public const string ModeVariable = "MODE";

    /// <summary>Connector calls per second at most; 5 when absent.</summary>
    public const string CallsPerSecondVariable = "CALLSPERSECOND";

    /// <summary>How long, in seconds, a reservation the run created may take to become readable; 10 when absent.</summary>
    public const string VisibilityWaitVariable = "VISIBILITYWAIT";

    /// <summary>A reservation identifier, in the vendor's format, that does not exist (optional: the tests that need one skip without it).</summary>
    public const string UnknownReservationVariable = "UNKNOWNRESERVATION";

    /// <summary>A guest identifier, in the vendor's format, that does not exist (optional).</summary>
    public const string UnknownGuestVariable = "UNKNOWNGUEST";

    /// <summary>The path of the certification file written after the run; <c>live-results/{vendor}.json</c> beside the test assembly when absent.</summary>
    public const string ResultsVariable = "RESULTS";

    private static readonly string[] KitVariables =
    [
        RoomTypeVariable, RatePlanVariable, FirstNightVariable, NightsVariable, ModeVariable, CallsPerSecondVariable,
        VisibilityWaitVariable, UnknownReservationVariable, UnknownGuestVariable, ResultsVariable,
    ];

    private LiveSandboxSettings(string vendor, IReadOnlyDictionary<string, string> variables, IReadOnlyList<string> requiredHotelSettings, DateOnly today, bool books)
    {
        Vendor = vendor;
        Prefix = PrefixOf(vendor);
        string? Kit(string name) => variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        Mode = Kit(ModeVariable) switch
        {
            null => LiveSandboxMode.ReadOnly,
            var m when m.Equals("readonly", StringComparison.OrdinalIgnoreCase) || m.Equals("read-only", StringComparison.OrdinalIgnoreCase) => LiveSandboxMode.ReadOnly,
            var m when m.Equals("full", StringComparison.OrdinalIgnoreCase) => LiveSandboxMode.Full,
            var m => throw Invalid(ModeVariable, m, "readonly or full"),
        };
        RoomTypeId = Kit(RoomTypeVariable);
        RatePlanId = Kit(RatePlanVariable);
        FirstNight = Kit(FirstNightVariable) is { } first
            ? DateOnly.TryParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var night) ? night : throw Invalid(FirstNightVariable, first, "a date as yyyy-MM-dd")
            : today.AddDays(30);
        Nights = Kit(NightsVariable) is { } nights
            ? int.TryParse(nights, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= PmsContractScenario.MinimumNights ? n : throw Invalid(NightsVariable, nights, $"a whole number of at least {PmsContractScenario.MinimumNights}")
            : PmsContractScenario.MinimumNights;
        CallsPerSecond = Kit(CallsPerSecondVariable) is { } calls
            ? double.TryParse(calls, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 1000 ? c : throw Invalid(CallsPerSecondVariable, calls, "a number above 0 and at most 1000")
            : 5;
        VisibilityWait = Kit(VisibilityWaitVariable) is { } wait
            ? double.TryParse(wait, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w is >= 0 and <= 600 ? TimeSpan.FromSeconds(w) : throw Invalid(VisibilityWaitVariable, wait, "seconds from 0 to 600")
            : TimeSpan.FromSeconds(10);
        UnknownReservationId = Kit(UnknownReservationVariable);
        UnknownGuestId = Kit(UnknownGuestVariable);
        ResultsPath = Kit(ResultsVariable) ?? Path.Combine(AppContext.BaseDirectory, "live-results", vendor.ToLowerInvariant() + ".json");

        var hotel = variables
            .Where(v => !KitVariables.Contains(v.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(v => v.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);
        HotelSettings = hotel;

        var missing = new List<string>();
        missing.AddRange(requiredHotelSettings.Where(k => !hotel.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value)).Select(k => Prefix + k.ToUpperInvariant().Replace(":", "__", StringComparison.Ordinal)));
        if (books && RoomTypeId is null)
        {
            missing.Add(Prefix + RoomTypeVariable);
        }

        if (books && RatePlanId is null)
        {
            missing.Add(Prefix + RatePlanVariable);
        }

        MissingVariables = missing;
    }

    /// <summary>Gets the vendor, as <see cref="IPmsConnector.Vendor"/> names it.</summary>
    public string Vendor { get; }

    /// <summary>Gets the start of this vendor's variable names, <c>HOTELPLATFORM_LIVE_{VENDOR}_</c>.</summary>
    public string Prefix { get; }

    /// <summary>Gets the required variables that are not set; the run is skipped, naming them, unless this is empty.</summary>
    public IReadOnlyList<string> MissingVariables { get; }

    /// <summary>Gets a value indicating whether every required variable is set.</summary>
    public bool IsConfigured => MissingVariables.Count == 0;

    /// <summary>Gets what the run may do to the sandbox.</summary>
    public LiveSandboxMode Mode { get; }

    /// <summary>Gets the room type the kit books.</summary>
    public string? RoomTypeId { get; }

    /// <summary>Gets the rate plan the kit books.</summary>
    public string? RatePlanId { get; }

    /// <summary>Gets the first night of the kit's window.</summary>
    public DateOnly FirstNight { get; }

    /// <summary>Gets the number of nights of the window.</summary>
    public int Nights { get; }

    /// <summary>Gets how many connector calls the run makes per second at most (the connector's own limiter still paces each request to the vendor's quota).</summary>
    public double CallsPerSecond { get; }

    /// <summary>Gets how long a reservation the run created may take to become readable by id or confirmation number.</summary>
    public TimeSpan VisibilityWait { get; }

    /// <summary>Gets a reservation identifier that does not exist at the vendor, when given.</summary>
    public string? UnknownReservationId { get; }

    /// <summary>Gets a guest identifier that does not exist at the vendor, when given.</summary>
    public string? UnknownGuestId { get; }

    /// <summary>Gets the path of the certification file.</summary>
    public string ResultsPath { get; }

    /// <summary>Gets the hotel's vendor settings: every variable of the vendor that is not one of the kit's, by option name.</summary>
    public IReadOnlyDictionary<string, string?> HotelSettings { get; }

    /// <summary>Gets why the run is skipped, naming the variables to set; <see langword="null"/> when it runs.</summary>
    public string? SkipReason => IsConfigured
        ? null
        : $"No live {Vendor} sandbox is configured: set {string.Join(", ", MissingVariables)} (environment variables or .NET user secrets of the test project; see docs/live-sandbox.md).";

    /// <summary>Gets the prefix of a vendor's variables.</summary>
    /// <param name="vendor">The vendor (<c>apaleo</c>).</param>
    /// <returns><c>HOTELPLATFORM_LIVE_APALEO_</c>.</returns>
    public static string PrefixOf(string vendor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        return VariablePrefix + vendor.ToUpperInvariant() + "_";
    }

    /// <summary>Reads a vendor's settings from the environment and the user secrets of <paramref name="secretsAssembly"/>.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="requiredHotelSettings">The vendor option names the run cannot do without (credentials, property).</param>
    /// <param name="secretsAssembly">The assembly whose <c>UserSecretsIdAttribute</c> names the user secrets; none read when <see langword="null"/> or it has none.</param>
    /// <param name="books">Whether the vendor's connector books (then the room type and rate plan to book are required); <see langword="false"/> for a vendor such as SiteMinder that cannot.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentException">A kit variable is set to a value it cannot take (the message names it and what it takes).</exception>
    public static LiveSandboxSettings Read(string vendor, IReadOnlyList<string> requiredHotelSettings, Assembly? secretsAssembly = null, bool books = true)
    {
        var builder = new ConfigurationBuilder();
        if (secretsAssembly is not null)
        {
            builder.AddUserSecrets(secretsAssembly, optional: true);
        }

        return From(vendor, requiredHotelSettings, builder.AddEnvironmentVariables().Build(), DateOnly.FromDateTime(DateTime.UtcNow), books);
    }

    /// <summary>Reads a vendor's settings from a configuration whose keys are the variable names.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="requiredHotelSettings">The vendor option names the run cannot do without.</param>
    /// <param name="configuration">The variables.</param>
    /// <param name="today">Today, for the default window.</param>
    /// <param name="books">Whether the vendor's connector books (then the room type and rate plan to book are required).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentException">A kit variable is set to a value it cannot take.</exception>
    public static LiveSandboxSettings From(string vendor, IReadOnlyList<string> requiredHotelSettings, IConfiguration configuration, DateOnly today, bool books = true)
    {
        ArgumentNullException.ThrowIfNull(requiredHotelSettings);
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = PrefixOf(vendor);
        var variables = configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && kv.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && kv.Key.Length > prefix.Length)
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value!, StringComparer.OrdinalIgnoreCase);
        return new LiveSandboxSettings(vendor, variables, requiredHotelSettings, today, books);
    }

    private ArgumentException Invalid(string variable, string value, string expected) =>
        new($"{Prefix}{variable} is '{value}'; it takes {expected}.", variable);
}
