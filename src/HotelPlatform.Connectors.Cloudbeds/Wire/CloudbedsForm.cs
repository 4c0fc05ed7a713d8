using System.Globalization;

namespace HotelPlatform.Connectors.Cloudbeds.Wire;

/// <summary>
/// Writes a Cloudbeds form body: flat fields as they are, arrays of objects with PHP-style bracket keys and explicit
/// indices (<c>rooms[0][roomTypeID]=DBL</c>), the form Cloudbeds' PHP back end parses into nested arrays. Unset values
/// are left out. Hand-written: no .NET library writes PHP bracket forms, and Refit sends the flat dictionary as
/// <c>application/x-www-form-urlencoded</c>.
/// </summary>
internal sealed class CloudbedsForm
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    /// <summary>Gets the fields, keys in bracket form, in the order they were added.</summary>
    public Dictionary<string, string> Fields => _fields;

    /// <summary>Adds a field when it has a value.</summary>
    public CloudbedsForm Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _fields.Add(name, value);
        }

        return this;
    }

    /// <summary>Adds a date as <c>yyyy-MM-dd</c>.</summary>
    public CloudbedsForm Add(string name, DateOnly? value) =>
        Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Adds a whole number.</summary>
    public CloudbedsForm Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean as <c>true</c>/<c>false</c>.</summary>
    public CloudbedsForm Add(string name, bool? value) =>
        Add(name, value switch { true => "true", false => "false", null => null });

    /// <summary>Adds element <paramref name="index"/> of the array <paramref name="array"/>: <c>array[index][member]=value</c> for each member with a value.</summary>
    public CloudbedsForm AddElement(string array, int index, params IEnumerable<(string Member, string? Value)> members)
    {
        foreach (var (member, value) in members)
        {
            Add(Key(array, index, member), value);
        }

        return this;
    }

    /// <summary>The bracket key of a member of an array element.</summary>
    public static string Key(string array, int index, string member) =>
        string.Create(CultureInfo.InvariantCulture, $"{array}[{index}][{member}]");
}
