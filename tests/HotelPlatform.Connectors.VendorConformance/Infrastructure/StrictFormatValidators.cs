using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace HotelPlatform.Connectors.VendorConformance;

/// <summary>
/// <c>date</c> and <c>date-time</c> as RFC 3339 defines them (the formats OpenAPI names). NJsonSchema's own validators
/// parse with <see cref="DateTime.TryParse(string, out DateTime)"/>, which also accepts <c>01.03.2025</c>; a connector
/// sending that would pass while the vendor refuses it.
/// </summary>
internal static partial class StrictFormatValidators
{
    public static JsonSchemaValidatorSettings CreateSettings()
    {
        var settings = new JsonSchemaValidatorSettings();
        settings.FormatValidators =
        [
            .. settings.FormatValidators.Where(v => v.Format is not ("date" or "date-time")),
            new DateValidator(),
            new DateTimeValidator(),
        ];
        return settings;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339DateTime();

    private sealed class DateValidator : IFormatValidator
    {
        public string Format => "date";

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateExpected;

        public bool IsValid(string value, JTokenType tokenType) =>
            tokenType != JTokenType.String || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private sealed class DateTimeValidator : IFormatValidator
    {
        public string Format => "date-time";

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

        public bool IsValid(string value, JTokenType tokenType) =>
            tokenType != JTokenType.String
            || (Rfc3339DateTime().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }
}
