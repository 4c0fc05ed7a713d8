using System.Xml.Linq;

namespace HotelPlatform.Connectors.Simulators.SiteMinder.Wire;

/// <summary>
/// A strict model of one OTA element as pmsXchange uses it: the attributes it may carry (and must), the children it may
/// hold (and must), and a check of the values. Anything else — an unknown attribute or element, one missing, a value out
/// of its documented set — is a violation naming its path, so a connector that drifts from SiteMinder's profile fails
/// here rather than in production.
/// </summary>
internal sealed record OtaShape
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public OtaShape(string name, string[]? required = null, string[]? optional = null, params OtaShape[] children)
    {
        Name = name;
        Required = required ?? [];
        Optional = optional ?? [];
        Children = children;
    }

    public string Name { get; }

    public string[] Required { get; }

    public string[] Optional { get; }

    public OtaShape[] Children { get; }

    /// <summary>Gets the children that must occur at least once.</summary>
    public HashSet<string> RequiredChildren { get; init; } = [];

    /// <summary>Gets the children that may occur more than once.</summary>
    public HashSet<string> Repeated { get; init; } = [];

    /// <summary>Gets groups of children of which exactly one must occur (<c>Success</c> or <c>Errors</c>).</summary>
    public string[][] OneOf { get; init; } = [];

    /// <summary>Gets a value indicating whether the element holds text (and no children).</summary>
    public bool Text { get; init; }

    /// <summary>Gets the value checks: attribute name to a check that returns the problem, or <see langword="null"/>.</summary>
    public Dictionary<string, Func<string, string?>> Values { get; init; } = [];

    public void Check(XElement element, string path, ICollection<string> violations)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != Xsi))
        {
            string name = attribute.Name.LocalName;
            if (attribute.Name.Namespace != XNamespace.None || (!Required.Contains(name) && !Optional.Contains(name)))
            {
                violations.Add($"{path}/@{attribute.Name.LocalName}: not an attribute pmsXchange accepts here.");
            }
            else if (Values.TryGetValue(name, out var check) && check(attribute.Value) is { } problem)
            {
                violations.Add($"{path}/@{name}: {problem}");
            }
        }

        foreach (var required in Required.Where(r => element.Attribute(r) is null))
        {
            violations.Add($"{path}/@{required}: required.");
        }

        if (Text)
        {
            if (element.HasElements)
            {
                violations.Add($"{path}: holds text only.");
            }

            return;
        }

        if (element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            violations.Add($"{path}: holds elements only, not text.");
        }

        var counts = new Dictionary<string, int>();
        foreach (var child in element.Elements())
        {
            var shape = Children.FirstOrDefault(c => child.Name == OtaNames.N(c.Name));
            if (shape is null)
            {
                violations.Add($"{path}/{child.Name.LocalName}: not an element pmsXchange accepts here{(child.Name.Namespace != OtaNames.Ns ? $" (namespace '{child.Name.NamespaceName}', expected the OTA namespace)" : string.Empty)}.");
                continue;
            }

            counts[shape.Name] = counts.GetValueOrDefault(shape.Name) + 1;
            if (counts[shape.Name] == 2 && !Repeated.Contains(shape.Name))
            {
                violations.Add($"{path}/{shape.Name}: occurs more than once.");
            }

            shape.Check(child, $"{path}/{shape.Name}", violations);
        }

        foreach (var required in RequiredChildren.Where(r => !counts.ContainsKey(r)))
        {
            violations.Add($"{path}/{required}: required.");
        }

        foreach (var group in OneOf.Where(g => g.Count(counts.ContainsKey) != 1))
        {
            violations.Add($"{path}: exactly one of {string.Join(", ", group)} is required.");
        }
    }
}

/// <summary>The OTA namespace.</summary>
internal static class OtaNames
{
    public const string NamespaceName = "http://www.opentravel.org/OTA/2003/05";

    public static readonly XNamespace Ns = NamespaceName;

    public static XName N(string localName) => Ns + localName;
}
