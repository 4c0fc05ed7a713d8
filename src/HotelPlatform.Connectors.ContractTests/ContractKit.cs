using System.Reflection;

namespace HotelPlatform.Connectors.ContractTests;

/// <summary>One kit area: an abstract test class of this package and the capabilities it covers.</summary>
/// <param name="TestClass">The open generic test class, for example <c>typeof(GuestContractTests&lt;&gt;)</c>.</param>
/// <param name="Name">The area's name.</param>
/// <param name="Capabilities">The capabilities it covers; <see cref="ConnectorCapabilities.None"/> when every connector runs it.</param>
public sealed record ContractKitArea(Type TestClass, string Name, ConnectorCapabilities Capabilities)
{
    /// <summary>Gets the feature sub-client the area tests (see <see cref="ContractTestAreaAttribute.Feature"/>); <see langword="null"/> for an area of <see cref="IPmsConnector"/>'s own members.</summary>
    public Type? Feature { get; init; }

    /// <summary>Gets the class name without the generic arity, for example <c>GuestContractTests</c>.</summary>
    public string ClassName => TestClass.Name.Split('`')[0];

    /// <summary>
    /// Returns whether a connector with <paramref name="capabilities"/> must run this area. A feature area with no
    /// capabilities of its own is never required by capabilities alone: only <see cref="IsRequiredFor(IPmsConnector)"/>
    /// can tell whether the connector offers the feature.
    /// </summary>
    /// <param name="capabilities">The connector's capabilities.</param>
    /// <returns><see langword="true"/> when the area is required.</returns>
    public bool IsRequiredFor(ConnectorCapabilities capabilities) =>
        Capabilities == ConnectorCapabilities.None
            ? Feature is null
            : (capabilities & Capabilities) != ConnectorCapabilities.None;

    /// <summary>Returns whether <paramref name="connector"/> must run this area: by its capabilities, or because its <see cref="IPmsConnector.GetService"/> offers the area's feature.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns><see langword="true"/> when the area is required.</returns>
    public bool IsRequiredFor(IPmsConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return IsRequiredFor(connector.Capabilities) || (Feature is not null && connector.GetService(Feature) is not null);
    }
}

/// <summary>The kit's areas and the completeness rule of <see cref="ContractKitCompletenessTests{TFixture}"/>.</summary>
public static class ContractKit
{
    /// <summary>The prefix of every client reference the kit books with (<c>kit-</c> and 32 hex digits): what a cleanup pass recognises.</summary>
    public const string ClientReferencePrefix = "kit-";

    /// <summary>The first name of every guest the kit books for.</summary>
    public const string GuestFirstName = "Contract";

    /// <summary>The start of the last name of every guest the kit books for (<c>Kit</c> and eight letters).</summary>
    public const string GuestLastNamePrefix = "Kit";

    /// <summary>Gets the kit's version (its package version without build metadata): results and certifications name it, since the tests change between versions.</summary>
    public static string Version { get; } =
        typeof(ContractKit).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Gets every kit area: the classes of this package marked with <see cref="ContractTestAreaAttribute"/>, by name.</summary>
    public static IReadOnlyList<ContractKitArea> Areas { get; } =
        [.. typeof(ContractKit).Assembly.GetTypes()
            .Select(t => (Type: t, Area: t.GetCustomAttribute<ContractTestAreaAttribute>()))
            .Where(x => x.Area is not null)
            .Select(x => new ContractKitArea(x.Type, x.Area!.Name, x.Area.Capabilities) { Feature = x.Area.Feature })
            .OrderBy(a => a.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Lists what is wrong with a connector's use of the kit: every area its capabilities require that no concrete class
    /// in <paramref name="testClasses"/> subclasses and no opt-out excuses, and every opt-out that names no area, gives no
    /// reason, or excuses an area that is implemented after all.
    /// </summary>
    /// <param name="testClasses">The types of the connector's test assembly.</param>
    /// <param name="capabilities">The connector's capabilities.</param>
    /// <param name="optOuts">The opt-outs in force.</param>
    /// <param name="fixtureName">The fixture type's name, used in the suggested fix.</param>
    /// <returns>One message per problem; empty when the kit is run completely.</returns>
    public static IReadOnlyList<string> FindGaps(IEnumerable<Type> testClasses, ConnectorCapabilities capabilities, IEnumerable<ContractKitOptOutAttribute> optOuts, string fixtureName) =>
        FindGaps(Areas, testClasses, area => area.IsRequiredFor(capabilities), capabilities, optOuts, fixtureName);

    /// <summary>
    /// Lists what is wrong with a connector's use of the kit, as <see cref="FindGaps(IEnumerable{Type}, ConnectorCapabilities, IEnumerable{ContractKitOptOutAttribute}, string)"/>
    /// does, and also requires the area of every feature sub-client the connector offers through <see cref="IPmsConnector.GetService"/>.
    /// </summary>
    /// <param name="testClasses">The types of the connector's test assembly.</param>
    /// <param name="connector">The connector.</param>
    /// <param name="optOuts">The opt-outs in force.</param>
    /// <param name="fixtureName">The fixture type's name, used in the suggested fix.</param>
    /// <returns>One message per problem; empty when the kit is run completely.</returns>
    public static IReadOnlyList<string> FindGaps(IEnumerable<Type> testClasses, IPmsConnector connector, IEnumerable<ContractKitOptOutAttribute> optOuts, string fixtureName) =>
        FindGaps(Areas, testClasses, connector, optOuts, fixtureName);

    /// <summary>
    /// Lists what is wrong with a connector's use of <paramref name="areas"/>: the kit's <see cref="Areas"/> plus areas a
    /// vendor package defines for its own sub-clients (marked with <see cref="ContractTestAreaAttribute"/> and
    /// <see cref="ContractTestAreaAttribute.Feature"/>).
    /// </summary>
    /// <param name="areas">The areas to check.</param>
    /// <param name="testClasses">The types of the connector's test assembly.</param>
    /// <param name="connector">The connector.</param>
    /// <param name="optOuts">The opt-outs in force.</param>
    /// <param name="fixtureName">The fixture type's name, used in the suggested fix.</param>
    /// <returns>One message per problem; empty when the kit is run completely.</returns>
    public static IReadOnlyList<string> FindGaps(IReadOnlyList<ContractKitArea> areas, IEnumerable<Type> testClasses, IPmsConnector connector, IEnumerable<ContractKitOptOutAttribute> optOuts, string fixtureName)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return FindGaps(areas, testClasses, area => area.IsRequiredFor(connector), connector.Capabilities, optOuts, fixtureName);
    }

    private static List<string> FindGaps(
        IReadOnlyList<ContractKitArea> areas,
        IEnumerable<Type> testClasses,
        Func<ContractKitArea, bool> isRequired,
        ConnectorCapabilities capabilities,
        IEnumerable<ContractKitOptOutAttribute> optOuts,
        string fixtureName)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(testClasses);
        ArgumentNullException.ThrowIfNull(optOuts);
        ArgumentException.ThrowIfNullOrWhiteSpace(fixtureName);
        var implemented = Implemented(testClasses);
        var excused = optOuts.ToList();
        var failures = new List<string>();

        foreach (var optOut in excused)
        {
            var area = areas.FirstOrDefault(a => a.TestClass == optOut.Area);
            if (area is null)
            {
                failures.Add($"[ContractKitOptOut(typeof({optOut.Area?.Name ?? "null"}))] names no kit area; the areas are {string.Join(", ", areas.Select(a => a.ClassName + "<>"))}.");
            }
            else if (string.IsNullOrWhiteSpace(optOut.Reason))
            {
                failures.Add($"[ContractKitOptOut(typeof({area.ClassName}<>))] gives no reason: say why the area is not run.");
            }
            else if (implemented.Contains(area.TestClass))
            {
                failures.Add($"{area.ClassName}<> is opted out (\"{optOut.Reason}\") but also implemented: remove the opt-out.");
            }
        }

        foreach (var area in areas)
        {
            if (!isRequired(area) || implemented.Contains(area.TestClass) || excused.Any(o => o.Area == area.TestClass))
            {
                continue;
            }

            var why = (capabilities & area.Capabilities) != ConnectorCapabilities.None
                ? $"the connector declares {capabilities & area.Capabilities}"
                : area.Feature is not null
                    ? $"the connector offers {PmsFeatureAttribute.NameOf(area.Feature)} (GetService returns its {area.Feature.Name})"
                    : "every connector runs it";
            failures.Add(
                $"No test class derives from {area.ClassName}<>, but {why}. Add " +
                $"'public sealed class {area.Name}Tests({fixtureName} fixture) : {area.ClassName}<{fixtureName}>(fixture);' " +
                $"or opt out with [ContractKitOptOut(typeof({area.ClassName}<>), \"reason\")].");
        }

        return failures;
    }

    /// <summary>The kit areas some concrete class in <paramref name="testClasses"/> derives from.</summary>
    private static HashSet<Type> Implemented(IEnumerable<Type> testClasses)
    {
        var implemented = new HashSet<Type>();
        foreach (var type in testClasses.Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.IsGenericType)
                {
                    implemented.Add(current.GetGenericTypeDefinition());
                }
            }
        }

        return implemented;
    }
}
