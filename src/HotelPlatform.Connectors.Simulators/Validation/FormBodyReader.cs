using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body whose keys use PHP-style brackets (<c>rooms[0][roomTypeID]=DBL</c>,
/// <c>tags[]=a</c>) into a nested structure: a <see cref="JsonObject"/> whose groups are objects, whose groups indexed
/// 0, 1, 2, ... are arrays and whose leaves are strings, as they were on the wire. <see cref="FormBodyReader{T}"/> then
/// holds that structure to a strict wire model.
/// </summary>
/// <remarks>
/// PHP accepts almost any key; this reader is strict, because a connector that sends a key the vendor would read
/// differently has a bug: unbalanced brackets or text after the last <c>]</c>, a key sent twice, a key that is both a
/// value and a group (<c>a=1&amp;a[b]=2</c>), <c>[]</c> anywhere but at the end (PHP would start a new element for each
/// field), indices with gaps or leading zeros, more than <see cref="MaxDepth"/> levels or <see cref="MaxFields"/> fields.
/// Each is refused naming the key, as <c>form:rooms[0][roomTypeID]</c>.
/// </remarks>
public sealed partial class FormBodyReader : IRequestBodyReader<JsonObject>
{
    /// <summary>The media type of a form body.</summary>
    public const string MediaType = "application/x-www-form-urlencoded";

    /// <summary>Gets a reader with the default limits.</summary>
    public static FormBodyReader Default { get; } = new();

    /// <inheritdoc />
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Gets the deepest nesting accepted: brackets after the name (<c>a[0][b]</c> is 2). 8 by default.</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>Gets the most fields accepted. 1,000 by default.</summary>
    public int MaxFields { get; init; } = 1000;

    /// <summary>Names a member of a form body as the vendor spells it: <c>form:rooms[0][roomTypeID]</c>.</summary>
    /// <param name="jsonPath">A JSON path into the nested structure, as <c>$.rooms[0].roomTypeID</c>.</param>
    /// <returns>The form key, prefixed with <c>form:</c>.</returns>
    public static string ToFormMember(string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        var key = new StringBuilder();
        foreach (Match segment in JsonPathSegment().Matches(jsonPath))
        {
            string name = segment.Groups["name"].Success ? segment.Groups["name"].Value
                : segment.Groups["index"].Success ? segment.Groups["index"].Value
                : segment.Groups["quoted"].Value;
            key.Append(key.Length == 0 ? name : $"[{name}]");
        }

        return "form:" + (key.Length == 0 ? "$" : key.ToString());
    }

    /// <inheritdoc />
    public IEnumerable<ValidationViolation> CheckHeaders(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool isForm = MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? media)
            && string.Equals(media.MediaType, MediaType, StringComparison.OrdinalIgnoreCase)
            && (media.CharSet is null || string.Equals(media.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));
        return isForm ? [] : [new ValidationViolation(StrictRequestValidator.ContentTypeMember, $"'{request.ContentType}' is not {MediaType} (UTF-8).")];
    }

    /// <inheritdoc />
    public JsonObject? Read(ReadOnlySpan<byte> body, ICollection<ValidationViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        int before = violations.Count;
        var root = new Group();
        using var reader = new FormReader(Encoding.UTF8.GetString(body)) { KeyLengthLimit = 1024, ValueLengthLimit = MaxBodyBytes };
        int fields = 0;
        try
        {
            while (reader.ReadNextPair() is { } pair)
            {
                if (++fields > MaxFields)
                {
                    violations.Add(new("form:$", $"The form has more than {MaxFields} fields."));
                    break;
                }

                Add(root, pair.Key, pair.Value, violations);
            }
        }
        catch (InvalidDataException ex)
        {
            violations.Add(new("form:$", ex.Message));
        }

        if (violations.Count > before)
        {
            return null;
        }

        if (root.Members.Count == 0)
        {
            violations.Add(new("form:$", "A form body is required."));
            return null;
        }

        var structure = (JsonObject)ToNode(root, string.Empty, violations)!;
        return violations.Count > before ? null : structure;
    }

    private void Add(Group root, string key, string value, ICollection<ValidationViolation> violations)
    {
        Match match = FormKey().Match(key);
        if (!match.Success)
        {
            violations.Add(new($"form:{key}", $"'{key}' is not a form key this reader accepts: a name, then optional [segment]s, brackets balanced and nothing after the last ']'."));
            return;
        }

        List<string> path = [match.Groups["name"].Value, .. match.Groups["segment"].Captures.Select(c => c.Value)];
        if (path.Count - 1 > MaxDepth)
        {
            violations.Add(new($"form:{key}", $"'{key}' nests {path.Count - 1} levels; at most {MaxDepth} are accepted."));
            return;
        }

        int append = path.IndexOf(string.Empty);
        if (append >= 0 && append != path.Count - 1)
        {
            violations.Add(new($"form:{key}", $"'{key}' has '[]' before its end; PHP would start a new element for every such field, so the fields of one element would land in different elements. Use explicit indices ([0], [1], ...)."));
            return;
        }

        Group group = root;
        for (int i = 0; i < path.Count - 1; i++)
        {
            string prefix = Prefix(path, i);
            if (!group.Members.TryGetValue(path[i], out object? child))
            {
                child = new Group();
                group.Add(path[i], child);
            }

            if (child is not Group next)
            {
                violations.Add(new($"form:{prefix}", $"'{prefix}' is sent both as a value and as a group ('{key}')."));
                return;
            }

            group = next;
        }

        string last = path[^1];
        if (last.Length == 0)
        {
            last = group.Members.Count.ToString(CultureInfo.InvariantCulture);
            if (group.Members.ContainsKey(last))
            {
                violations.Add(new($"form:{key}", $"'{key}' appends to a group that also has explicit keys; use one style."));
                return;
            }
        }

        if (group.Members.TryGetValue(last, out object? existing))
        {
            string full = Prefix(path, path.Count - 1);
            violations.Add(new($"form:{full}", existing is Group
                ? $"'{full}' is sent both as a group and as a value."
                : $"'{full}' is sent more than once; PHP would keep only the last value."));
            return;
        }

        group.Add(last, value);
    }

    private static string Prefix(List<string> path, int last) =>
        path[0] + string.Concat(path.Skip(1).Take(last).Select(s => $"[{s}]"));

    private static JsonNode? ToNode(object member, string key, ICollection<ValidationViolation> violations)
    {
        if (member is string text)
        {
            return JsonValue.Create(text);
        }

        var group = (Group)member;
        bool numeric = key.Length > 0 && group.Order.All(k => CanonicalIndex().IsMatch(k));
        if (numeric)
        {
            List<int> indices = [.. group.Order.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).Order()];
            if (!indices.SequenceEqual(Enumerable.Range(0, indices.Count)))
            {
                violations.Add(new($"form:{key}", $"The indices of '{key}' must run 0, 1, 2, ... without gaps; found {string.Join(", ", indices)}."));
                return null;
            }

            var array = new JsonArray();
            foreach (int index in indices)
            {
                string name = index.ToString(CultureInfo.InvariantCulture);
                array.Add(ToNode(group.Members[name], $"{key}[{name}]", violations));
            }

            return array;
        }

        var obj = new JsonObject();
        foreach (string name in group.Order)
        {
            obj[name] = ToNode(group.Members[name], key.Length == 0 ? name : $"{key}[{name}]", violations);
        }

        return obj;
    }

    [GeneratedRegex(@"^(?<name>[^\[\]]+)(\[(?<segment>[^\[\]]*)\])*$", RegexOptions.CultureInvariant)]
    private static partial Regex FormKey();

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalIndex();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPathSegment();

    /// <summary>A group of fields, in the order their keys were first sent.</summary>
    private sealed class Group
    {
        public Dictionary<string, object> Members { get; } = new(StringComparer.Ordinal);

        public List<string> Order { get; } = [];

        public void Add(string name, object member)
        {
            Members.Add(name, member);
            Order.Add(name);
        }
    }
}
