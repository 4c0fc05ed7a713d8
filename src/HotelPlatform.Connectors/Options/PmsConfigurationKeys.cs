using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors;

/// <summary>A configuration key allowed in every hotel's section although no options property takes it; see <c>AllowConfigurationKeys</c>.</summary>
/// <param name="Key">The key, relative to the hotel's section (<c>Embedded</c>, <c>Simulator:Seed</c>).</param>
internal sealed record PmsAllowedConfigurationKey(string Key);

/// <summary>
/// Finds the keys of a hotel's configuration section that the configuration binder would silently ignore: keys no
/// public property of the options type (or of a nested options object) takes. Lists and dictionaries are walked through
/// their elements, whose keys are indices or free names; scalar settings end the walk.
/// </summary>
internal static class PmsConfigurationKeys
{
    /// <summary>The key naming a hotel's vendor in <c>AddFromConfiguration</c>; read by the runtime, not by the options.</summary>
    public const string VendorKey = "Vendor";

    /// <summary>Records one failure per unknown key of <paramref name="configuration"/>, with the nearest known setting where one is close.</summary>
    /// <param name="configuration">The hotel's section.</param>
    /// <param name="optionsType">The hotel's options type.</param>
    /// <param name="allowed">Keys (relative to the section) the application declared; they and everything beneath them are accepted.</param>
    /// <param name="context">Where failures go.</param>
    public static void ReportUnknown(IConfiguration configuration, Type optionsType, IReadOnlyCollection<string> allowed, PmsOptionsValidationContext context)
    {
        var allowedKeys = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase) { VendorKey };
        WalkObject(configuration, optionsType, prefix: null, allowedKeys, context);
    }

    /// <summary>The optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive: <c>ClientSecert</c> is 1 from <c>ClientSecret</c>.</summary>
    /// <param name="a">One string.</param>
    /// <param name="b">The other.</param>
    /// <returns>The number of edits.</returns>
    internal static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The known setting nearest to <paramref name="key"/>, when it is close enough to be a typo (about a third of the key's letters at most).</summary>
    /// <param name="key">The unknown key.</param>
    /// <param name="known">The known settings.</param>
    /// <returns>The suggestion, or <see langword="null"/>.</returns>
    internal static string? Nearest(string key, IEnumerable<string> known)
    {
        var limit = Math.Clamp(key.Length / 3, 1, 3);
        return known
            .Select(name => (Name: name, Distance: Distance(key, name)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .FirstOrDefault();
    }

    private static void WalkObject(IConfiguration section, Type type, string? prefix, HashSet<string> allowed, PmsOptionsValidationContext context)
    {
        var properties = BindableProperties(type);
        foreach (var child in section.GetChildren())
        {
            var path = Combine(prefix, child.Key);
            if (allowed.Contains(path))
            {
                continue;
            }

            if (!properties.TryGetValue(child.Key, out var propertyType))
            {
                var nearest = Nearest(child.Key, properties.Keys);
                context.AddFailure(path, nearest is null
                    ? $"is not a setting of {type.Name} and would be ignored (its settings: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}; declare keys the application reads itself with AllowConfigurationKeys)"
                    : $"is not a setting of {type.Name} and would be ignored; did you mean {Combine(prefix, nearest)}?");
                continue;
            }

            WalkValue(child, propertyType, path, allowed, context);
        }
    }

    private static void WalkValue(IConfigurationSection section, Type type, string path, HashSet<string> allowed, PmsOptionsValidationContext context)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            return;
        }

        // A dictionary's keys are free names and a list's are indices (the binder reads every child of either), so only
        // their elements are checked.
        var elementType = DictionaryValueType(type) ?? CollectionElementType(type);
        if (elementType is not null)
        {
            foreach (var element in section.GetChildren())
            {
                var elementPath = Combine(path, element.Key);
                if (!allowed.Contains(elementPath))
                {
                    WalkValue(element, elementType, elementPath, allowed, context);
                }
            }

            return;
        }

        WalkObject(section, type, path, allowed, context);
    }

    private static string Combine(string? prefix, string key) => prefix is null ? key : $"{prefix}{ConfigurationPath.KeyDelimiter}{key}";

    /// <summary>The settings the binder fills on <paramref name="type"/>: public instance properties with a public getter (get-only collections and objects are bound in place), by configuration key.</summary>
    private static Dictionary<string, Type> BindableProperties(Type type)
    {
        var properties = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            properties.TryAdd(key, property.PropertyType);
        }

        return properties;
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(object)
        || type == typeof(TimeSpan) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly)
        || type == typeof(TimeOnly) || type == typeof(Guid) || type == typeof(Uri)
        || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static Type? DictionaryValueType(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Append(type))
        {
            if (candidate.IsGenericType
                && (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            {
                return candidate.GetGenericArguments()[1];
            }
        }

        return typeof(IDictionary).IsAssignableFrom(type) ? typeof(object) : null;
    }

    private static Type? CollectionElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        foreach (var candidate in type.GetInterfaces().Append(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return candidate.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
