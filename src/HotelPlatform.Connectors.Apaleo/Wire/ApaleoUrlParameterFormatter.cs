using System.Globalization;
using System.Reflection;
using Refit;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// Formats path and query values the way Apaleo's Swagger documents type them, whatever the attribute on the
/// parameter: <c>boolean</c> as <c>true</c>/<c>false</c> (Refit's default would send .NET's <c>True</c>), <c>format: date</c>
/// as <c>yyyy-MM-dd</c>, date-times without fractional seconds and with their offset
/// (<see cref="ApaleoDateTimeOffsetConverter.Format"/>). Everything else goes through Refit's default formatter.
/// </summary>
internal sealed class ApaleoUrlParameterFormatter : IUrlParameterFormatter
{
    private readonly DefaultUrlParameterFormatter fallback = new();

    /// <inheritdoc />
    public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => ApaleoDateTimeOffsetConverter.Format(instant),
        _ => fallback.Format(value, attributeProvider, type),
    };
}
