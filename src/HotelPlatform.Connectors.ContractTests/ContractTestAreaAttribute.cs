namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// Marks an abstract kit test class as one capability area and names the capabilities it covers.
/// <see cref="ContractKitCompletenessTests{TFixture}"/> requires a subclass of every area whose capabilities the
/// connector declares (of every area, when <see cref="Capabilities"/> is <see cref="ConnectorCapabilities.None"/>).
/// </summary>
/// <param name="name">The area's name, for example <c>Reservation</c>.</param>
/// <param name="capabilities">The capabilities the area tests; <see cref="ConnectorCapabilities.None"/> for an area every connector must run.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ContractTestAreaAttribute(string name, ConnectorCapabilities capabilities) : Attribute
{
    /// <summary>Gets the area's name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the capabilities the area tests; <see cref="ConnectorCapabilities.None"/> when every connector must run it (unless <see cref="Feature"/> is set).</summary>
    public ConnectorCapabilities Capabilities { get; } = capabilities;

    /// <summary>
    /// Gets or sets the feature sub-client the area tests (<c>typeof(IPmsFolios)</c>), for operations added after
    /// <see cref="IPmsConnector"/>'s first release: the area is then required of a connector whose
    /// <see cref="IPmsConnector.GetService"/> offers it, whatever its capabilities. A vendor package may mark its own
    /// abstract area for a vendor-specific sub-client the same way.
    /// </summary>
    public Type? Feature { get; set; }
}

/// <summary>
/// Declares, on a <see cref="ContractKitCompletenessTests{TFixture}"/> subclass or on the test assembly, that a kit area
/// is deliberately not run, and why. Without it, the completeness test fails for every area the connector declares a
/// capability of but has no subclass for, so a connector cannot pass the kit by forgetting an area.
/// </summary>
/// <param name="area">The area's open generic test class, for example <c>typeof(GuestContractTests&lt;&gt;)</c>.</param>
/// <param name="reason">Why the area is not run; shown in the test output. Required.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = true, Inherited = true)]
public sealed class ContractKitOptOutAttribute(Type area, string reason) : Attribute
{
    /// <summary>Gets the area's open generic test class.</summary>
    public Type Area { get; } = area;

    /// <summary>Gets why the area is not run.</summary>
    public string Reason { get; } = reason;
}
