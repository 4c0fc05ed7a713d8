using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>Parses one query value; returns <see langword="false"/> when the text is not valid.</summary>
/// <typeparam name="T">The parsed type.</typeparam>
/// <param name="text">The value as sent (decoded).</param>
/// <param name="value">The parsed value.</param>
/// <returns>Whether the text was valid.</returns>
public delegate bool QueryValueParser<T>(string text, [MaybeNullWhen(false)] out T value);

/// <summary>How a list-valued query parameter is sent.</summary>
public enum QueryListStyle
{
    /// <summary>One parameter with comma-separated values: <c>?ids=a,b</c> (Swagger 2.0's default <c>csv</c>).</summary>
    CommaSeparated,

    /// <summary>The parameter repeated: <c>?ids=a&amp;ids=b</c> (OpenAPI 3's default <c>form</c>, <c>explode=true</c>).</summary>
    Repeated,
}

/// <summary>
/// Reads a request's query string strictly: a vendor handler declares each parameter it accepts as it reads it, then
/// calls <see cref="Complete"/>, which refuses the request when a required parameter is missing, a value is malformed, a
/// single-valued parameter is repeated, or a parameter was sent that the handler did not declare.
/// </summary>
/// <remarks>
/// Names are compared exactly, as the vendor spells them. Reading a value that is missing or malformed returns the type's
/// default; the handler must return the result of <see cref="Complete"/> before using the values.
/// <code>
/// var query = Validation.ReadQuery(context);
/// string propertyId = query.Required("propertyId");
/// DateOnly arrival = query.RequiredDate("arrival");
/// int adults = query.RequiredInt32("adults", minimum: 1);
/// if (query.Complete() is { } rejected) return rejected;
/// </code>
/// </remarks>
public sealed class QueryReader
{
    private static readonly StrictDateTimeOffsetConverter DateTimeWithFractions = new(allowFractionalSeconds: true);
    private static readonly StrictDateTimeOffsetConverter DateTimeWholeSeconds = new(allowFractionalSeconds: false);

    private readonly StrictRequestValidator _validator;
    private readonly HttpContext _context;
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly List<ValidationViolation> _violations = [];
    private bool _completed;

    internal QueryReader(StrictRequestValidator validator, HttpContext context)
    {
        _validator = validator;
        _context = context;
    }

    /// <summary>Gets the violations found so far.</summary>
    public IReadOnlyList<ValidationViolation> Violations => _violations;

    /// <summary>Reads a required string parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value, or an empty string when missing (a violation is recorded).</returns>
    public string Required(string name) => Single(name, required: true) ?? string.Empty;

    /// <summary>Reads an optional string parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value, or <see langword="null"/> when not sent.</returns>
    public string? Optional(string name) => Single(name, required: false);

    /// <summary>Reads a required parameter with a vendor-specific parser.</summary>
    /// <typeparam name="T">The parsed type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="parser">The parser.</param>
    /// <param name="expected">What a valid value looks like, for the message (for example <c>"a date (yyyy-MM-dd)"</c>).</param>
    /// <returns>The value, or the default when missing or malformed (a violation is recorded).</returns>
    public T? Required<T>(string name, QueryValueParser<T> parser, string expected)
    {
        ArgumentNullException.ThrowIfNull(parser);
        string? text = Single(name, required: true);
        return text is not null && Parse(name, text, parser, expected, out T? value) ? value : default;
    }

    /// <summary>Reads an optional parameter with a vendor-specific parser.</summary>
    /// <typeparam name="T">The parsed type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="parser">The parser.</param>
    /// <param name="expected">What a valid value looks like, for the message.</param>
    /// <param name="value">The value when present and valid.</param>
    /// <returns><see langword="true"/> when the parameter was sent and valid.</returns>
    public bool TryOptional<T>(string name, QueryValueParser<T> parser, string expected, [MaybeNullWhen(false)] out T value)
    {
        ArgumentNullException.ThrowIfNull(parser);
        string? text = Single(name, required: false);
        value = default;
        return text is not null && Parse(name, text, parser, expected, out value);
    }

    /// <summary>Reads a required date (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The date, or the default when missing or malformed.</returns>
    public DateOnly RequiredDate(string name) => Required<DateOnly>(name, TryParseDate, "a date (yyyy-MM-dd)");

    /// <summary>Reads an optional date (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The date, or <see langword="null"/> when not sent or malformed.</returns>
    public DateOnly? OptionalDate(string name) => TryOptional<DateOnly>(name, TryParseDate, "a date (yyyy-MM-dd)", out DateOnly d) ? d : null;

    /// <summary>Reads a required ISO 8601 date-time with an explicit offset.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="allowFractionalSeconds"><see langword="false"/> to refuse fractional seconds.</param>
    /// <returns>The instant, or the default when missing or malformed.</returns>
    public DateTimeOffset RequiredDateTime(string name, bool allowFractionalSeconds = true) =>
        Required<DateTimeOffset>(name, (allowFractionalSeconds ? DateTimeWithFractions : DateTimeWholeSeconds).TryParse, DescribeDateTime(allowFractionalSeconds));

    /// <summary>Reads an optional ISO 8601 date-time with an explicit offset.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="allowFractionalSeconds"><see langword="false"/> to refuse fractional seconds.</param>
    /// <returns>The instant, or <see langword="null"/> when not sent or malformed.</returns>
    public DateTimeOffset? OptionalDateTime(string name, bool allowFractionalSeconds = true) =>
        TryOptional<DateTimeOffset>(name, (allowFractionalSeconds ? DateTimeWithFractions : DateTimeWholeSeconds).TryParse, DescribeDateTime(allowFractionalSeconds), out DateTimeOffset v) ? v : null;

    /// <summary>Reads a required 32-bit integer within a range.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="minimum">The smallest accepted value.</param>
    /// <param name="maximum">The largest accepted value.</param>
    /// <returns>The value, or the default when missing or malformed.</returns>
    public int RequiredInt32(string name, int minimum = int.MinValue, int maximum = int.MaxValue) =>
        Required<int>(name, (string t, out int v) => TryParseInt32(t, minimum, maximum, out v), DescribeRange(minimum, maximum));

    /// <summary>Reads an optional 32-bit integer within a range.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="minimum">The smallest accepted value.</param>
    /// <param name="maximum">The largest accepted value.</param>
    /// <returns>The value, or <see langword="null"/> when not sent or malformed.</returns>
    public int? OptionalInt32(string name, int minimum = int.MinValue, int maximum = int.MaxValue) =>
        TryOptional<int>(name, (string t, out int v) => TryParseInt32(t, minimum, maximum, out v), DescribeRange(minimum, maximum), out int value) ? value : null;

    /// <summary>Reads a required boolean (<c>true</c> or <c>false</c>, lower case).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value, or <see langword="false"/> when missing or malformed.</returns>
    public bool RequiredBoolean(string name) => Required<bool>(name, TryParseBoolean, "true or false");

    /// <summary>Reads an optional boolean (<c>true</c> or <c>false</c>, lower case).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value, or <see langword="null"/> when not sent or malformed.</returns>
    public bool? OptionalBoolean(string name) => TryOptional<bool>(name, TryParseBoolean, "true or false", out bool b) ? b : null;

    /// <summary>Reads a required enum value, spelled exactly as one of its wire names.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="namingPolicy">How member names are spelled, unless <c>[JsonStringEnumMemberName]</c> says otherwise; as declared when omitted.</param>
    /// <returns>The value, or the default when missing or not allowed.</returns>
    public TEnum RequiredEnum<TEnum>(string name, JsonNamingPolicy? namingPolicy = null)
        where TEnum : struct, Enum
    {
        var converter = new StrictEnumConverter<TEnum>(namingPolicy);
        return Required<TEnum>(name, converter.TryParse, DescribeEnum(converter));
    }

    /// <summary>Reads an optional enum value, spelled exactly as one of its wire names.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="namingPolicy">How member names are spelled, unless <c>[JsonStringEnumMemberName]</c> says otherwise.</param>
    /// <returns>The value, or <see langword="null"/> when not sent or not allowed.</returns>
    public TEnum? OptionalEnum<TEnum>(string name, JsonNamingPolicy? namingPolicy = null)
        where TEnum : struct, Enum
    {
        var converter = new StrictEnumConverter<TEnum>(namingPolicy);
        return TryOptional<TEnum>(name, converter.TryParse, DescribeEnum(converter), out TEnum value) ? value : null;
    }

    /// <summary>Reads an optional list parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="style">How the list is sent.</param>
    /// <returns>The items; empty when not sent. Empty items are refused.</returns>
    public IReadOnlyList<string> OptionalList(string name, QueryListStyle style = QueryListStyle.CommaSeparated)
    {
        Declare(name);
        if (!_context.Request.Query.TryGetValue(name, out var values))
        {
            return [];
        }

        if (style == QueryListStyle.CommaSeparated && values.Count > 1)
        {
            Violate(name, $"was sent {values.Count} times; send one comma-separated value (?{name}=a,b).");
            return [];
        }

        List<string> items = style == QueryListStyle.CommaSeparated
            ? [.. values[0]!.Split(',')]
            : [.. values.Select(v => v ?? string.Empty)];
        if (items.Any(i => i.Length == 0))
        {
            Violate(name, "has an empty item.");
            return [];
        }

        return items;
    }

    /// <summary>Reads an optional list parameter whose items have a type (integers, enum values, vendor formats).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="parser">The item parser.</param>
    /// <param name="expected">What a valid item looks like, for the message.</param>
    /// <param name="style">How the list is sent.</param>
    /// <returns>The items; empty when not sent or when an item is malformed (a violation naming the item is recorded).</returns>
    public IReadOnlyList<T> OptionalList<T>(string name, QueryValueParser<T> parser, string expected, QueryListStyle style = QueryListStyle.CommaSeparated)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var items = new List<T>();
        bool valid = true;
        foreach (string text in OptionalList(name, style))
        {
            if (parser(text, out T? item))
            {
                items.Add(item);
            }
            else
            {
                Violate(name, $"item '{text}' is not {expected}.");
                valid = false;
            }
        }

        return valid ? items : [];
    }

    /// <summary>Reads an optional list of enum values, each spelled exactly as one of the enum's wire names.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="style">How the list is sent.</param>
    /// <param name="namingPolicy">How member names are spelled, unless <c>[JsonStringEnumMemberName]</c> says otherwise; as declared when omitted.</param>
    /// <returns>The values; empty when not sent or when an item is not allowed.</returns>
    public IReadOnlyList<TEnum> OptionalEnumList<TEnum>(string name, QueryListStyle style = QueryListStyle.CommaSeparated, JsonNamingPolicy? namingPolicy = null)
        where TEnum : struct, Enum
    {
        var converter = new StrictEnumConverter<TEnum>(namingPolicy);
        return OptionalList<TEnum>(name, converter.TryParse, DescribeEnum(converter), style);
    }

    /// <summary>Declares parameters the vendor accepts but the simulator ignores, so sending them is not refused.</summary>
    /// <param name="names">The parameter names.</param>
    public void Allow(params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (string name in names)
        {
            Declare(name);
        }
    }

    /// <summary>Adds a violation for a rule between parameters (for example <c>departure</c> after <c>arrival</c>).</summary>
    /// <param name="name">The parameter concerned.</param>
    /// <param name="message">What is wrong.</param>
    public void AddViolation(string name, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(message);
        _violations.Add(new($"query:{name}", message));
    }

    /// <summary>Refuses parameters that were sent but not declared, then answers: <see langword="null"/> when the query is valid, else the HTTP 400 to return (recorded in <see cref="VendorSimulator.ValidationFailures"/>).</summary>
    /// <returns>The rejection, or <see langword="null"/>.</returns>
    public IResult? Complete()
    {
        if (!_completed)
        {
            _completed = true;
            foreach (string name in _context.Request.Query.Keys)
            {
                if (!_declared.Contains(name))
                {
                    Violate(name, "is not a parameter of this endpoint.");
                }
            }
        }

        return _violations.Count == 0 ? null : _validator.Reject(_context, _violations);
    }

    private static bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static bool TryParseBoolean(string text, out bool value)
    {
        value = text == "true";
        return text is "true" or "false";
    }

    private static bool TryParseInt32(string text, int minimum, int maximum, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= minimum && value <= maximum;

    private static string DescribeDateTime(bool allowFractionalSeconds) =>
        "an ISO 8601 date-time with an explicit offset" + (allowFractionalSeconds ? string.Empty : " and no fractional seconds");

    private static string DescribeRange(int minimum, int maximum) => (minimum, maximum) switch
    {
        (int.MinValue, int.MaxValue) => "an integer",
        (_, int.MaxValue) => $"an integer of at least {minimum.ToString(CultureInfo.InvariantCulture)}",
        (int.MinValue, _) => $"an integer of at most {maximum.ToString(CultureInfo.InvariantCulture)}",
        _ => $"an integer from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}",
    };

    private static string DescribeEnum<TEnum>(StrictEnumConverter<TEnum> converter)
        where TEnum : struct, Enum => "one of " + string.Join(", ", converter.AllowedValues.Select(v => $"'{v}'"));

    private string? Single(string name, bool required)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Declare(name);
        if (!_context.Request.Query.TryGetValue(name, out var values))
        {
            if (required)
            {
                Violate(name, "is required.");
            }

            return null;
        }

        if (values.Count > 1)
        {
            Violate(name, $"was sent {values.Count} times; it takes one value.");
            return null;
        }

        string text = values[0] ?? string.Empty;
        if (text.Length == 0)
        {
            Violate(name, "is empty; omit it or send a value.");
            return null;
        }

        return text;
    }

    private bool Parse<T>(string name, string text, QueryValueParser<T> parser, string expected, [MaybeNullWhen(false)] out T value)
    {
        if (parser(text, out value))
        {
            return true;
        }

        Violate(name, $"value '{text}' is not {expected}.");
        return false;
    }

    private void Declare(string name)
    {
        _declared.Add(name);
    }

    private void Violate(string name, string message) => _violations.Add(new($"query:{name}", $"'{name}' {message}"));
}
