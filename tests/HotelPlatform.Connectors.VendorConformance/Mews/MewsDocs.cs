using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HotelPlatform.Connectors.VendorConformance.Mews;

/// <summary>
/// Reads the Mews Connector API documents (<c>vendor-specs/mews/connector-api-docs/operations/*.md</c>): Mews publishes
/// no saved OpenAPI, so a request is held to the operation's request parameter table — every member must be a
/// documented, non-deprecated property, every <c>required</c> one present — and objects nested in it to the tables the
/// type column links to (<c>[Reservation parameters](reservations.md#reservation-parameters)</c>).
/// </summary>
internal sealed partial class MewsDocs
{
    private readonly string _folder;
    private readonly Dictionary<string, string[]> _files = new(StringComparer.Ordinal);

    private MewsDocs(string folder) => _folder = folder;

    /// <summary>Loads the documents, skipping the test when <c>vendor-specs</c> is absent.</summary>
    public static MewsDocs Load() => new(VendorSpecs.GetPath("mews", "connector-api-docs", "operations"));

    /// <summary>The request table of the operation at <c>[PlatformAddress]/api/connector/v1/{operation}</c>, or <see langword="null"/> when no page documents it.</summary>
    public Table? RequestTable(string operation)
    {
        var url = $"`[PlatformAddress]/api/connector/v1/{operation}`";
        foreach (var file in Directory.GetFiles(_folder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var lines = Lines(file!);
            var at = Array.FindIndex(lines, l => l.Trim() == url);
            if (at >= 0)
            {
                return ReadTable(file!, lines, at);
            }
        }

        return null;
    }

    /// <summary>Checks a JSON object against a table and the tables it links to; each problem is one line naming the path.</summary>
    public IEnumerable<string> Validate(JsonObject value, Table table, string path = "$")
    {
        foreach (var (name, node) in value)
        {
            if (!table.Rows.TryGetValue(name, out var row))
            {
                yield return $"{path}.{name}: not a documented member of {table.Name}";
                continue;
            }

            if (node is null || row.Link is null)
            {
                continue;
            }

            var nested = ResolveLink(row.Link, table.File);
            if (nested is null)
            {
                continue;
            }

            var items = node is JsonArray array ? array.OfType<JsonObject>() : node is JsonObject one ? [one] : [];
            foreach (var item in items)
            {
                foreach (var problem in Validate(item, nested, $"{path}.{name}"))
                {
                    yield return problem;
                }
            }
        }

        foreach (var required in table.Rows.Values.Where(r => r.Required && !value.ContainsKey(r.Name)))
        {
            yield return $"{path}.{required.Name}: required by {table.Name} but missing";
        }
    }

    private Table? ResolveLink(string link, string file)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return null;
        }

        // Links are relative to the page: "#limitation", "reservations.md#...", "../guidelines/pagination.md#limitation".
        var target = hash == 0 ? file : Path.GetRelativePath(_folder, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(_folder, file))!, link[..hash])));
        var anchor = link[(hash + 1)..];
        if (!File.Exists(Path.Combine(_folder, target)))
        {
            return null;
        }

        var lines = Lines(target);
        var at = Array.FindIndex(lines, l => l.StartsWith('#') && Anchor(l.TrimStart('#').Trim()) == anchor);
        return at < 0 ? null : ReadTable(target, lines, at);
    }

    /// <summary>The first table after a line, unless the next operation or the response starts before it.</summary>
    private static Table? ReadTable(string file, string[] lines, int after)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        for (var i = after + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (rows.Count == 0 && (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### Response", StringComparison.Ordinal)))
            {
                return null;
            }

            var match = RowPattern().Match(line);
            if (match.Success)
            {
                var type = match.Groups["type"].Value;
                var link = LinkPattern().Match(type) is { Success: true } l ? l.Groups["link"].Value : null;
                var name = match.Groups["name"].Value;
                rows[name] = new Row(name, type, match.Groups["contract"].Value.StartsWith("required", StringComparison.Ordinal), link);
            }
            else if (rows.Count > 0 && !line.StartsWith('|'))
            {
                break;
            }
        }

        return rows.Count == 0 ? null : new Table($"{file} (table after line {after + 1})", file, rows);
    }

    private string[] Lines(string file)
    {
        if (!_files.TryGetValue(file, out var lines))
        {
            lines = File.ReadAllLines(Path.Combine(_folder, file));
            _files[file] = lines;
        }

        return lines;
    }

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string Anchor(string heading) =>
        AnchorDrop().Replace(heading.ToLowerInvariant(), string.Empty).Replace(' ', '-');

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z0-9]+)` \| (?<type>[^|]+) \| (?<contract>[^|]*) \|")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"\]\((?<link>[^)]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[^a-z0-9 \-]")]
    private static partial Regex AnchorDrop();

    internal sealed record Row(string Name, string Type, bool Required, string? Link);

    internal sealed record Table(string Name, string File, IReadOnlyDictionary<string, Row> Rows);
}
