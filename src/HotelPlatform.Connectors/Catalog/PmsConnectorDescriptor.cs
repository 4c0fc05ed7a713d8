namespace HotelPlatform.Connectors.Catalog;

/// <summary>
/// What a connector package declares about itself for the connector catalog: its vendor, what it can do, how it
/// authenticates, the vendor's documented quotas, where the vendor serves, its documentation and the vendor API
/// versions it speaks. A package names its descriptor with <see cref="PmsConnectorDescriptorAttribute"/>; the package
/// id and version are read from the assembly, so they cannot disagree with what was packed.
/// </summary>
/// <remarks>
/// Declare <see cref="Capabilities"/> from the same constant the connector passes to its base class, so the catalog
/// cannot drift from what the connector really does (a test compares them on a live connector).
/// </remarks>
public abstract class PmsConnectorDescriptor
{
    /// <summary>Gets the vendor name, as a hotel's <c>Vendor</c> setting names it (<see cref="PmsVendors"/>).</summary>
    public abstract string Vendor { get; }

    /// <summary>Gets the vendor's name as people write it (<c>Oracle OPERA Cloud (OHIP)</c>).</summary>
    public abstract string DisplayName { get; }

    /// <summary>Gets what the connector can do (<see cref="IPmsConnector.Capabilities"/>).</summary>
    public abstract ConnectorCapabilities Capabilities { get; }

    /// <summary>Gets the sub-client interfaces the connector returns from <see cref="IPmsConnector.GetService"/> (ADR 0010).</summary>
    public virtual IReadOnlyList<Type> Features => [];

    /// <summary>Gets the ways the connector can authenticate to the vendor.</summary>
    public abstract IReadOnlyList<PmsAuthKind> AuthKinds { get; }

    /// <summary>Gets the vendor's documented request quotas the connector paces to; empty when the vendor documents none.</summary>
    public abstract IReadOnlyList<PmsDeclaredRateLimit> RateLimits { get; }

    /// <summary>Gets where the vendor serves its API (hosts, environments, regions), as its documents say.</summary>
    public abstract IReadOnlyList<string> Regions { get; }

    /// <summary>Gets the connector's documentation page.</summary>
    public abstract Uri Documentation { get; }

    /// <summary>Gets the vendor APIs, and their versions, the connector speaks.</summary>
    public abstract IReadOnlyList<PmsVendorApiVersion> ApiVersions { get; }
}

/// <summary>Names the <see cref="PmsConnectorDescriptor"/> of a connector package: <c>[assembly: PmsConnectorDescriptor(typeof(ApaleoDescriptor))]</c>.</summary>
/// <param name="descriptorType">A non-abstract <see cref="PmsConnectorDescriptor"/> with a parameterless constructor (it may be internal).</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PmsConnectorDescriptorAttribute(Type descriptorType) : Attribute
{
    /// <summary>Gets the descriptor type.</summary>
    public Type DescriptorType { get; } = descriptorType;
}

/// <summary>How a connector authenticates to its vendor.</summary>
public enum PmsAuthKind
{
    /// <summary>OAuth2 client credentials grant (client id and secret for a bearer token).</summary>
    OAuth2ClientCredentials,

    /// <summary>OAuth2 refresh token grant.</summary>
    OAuth2RefreshToken,

    /// <summary>OAuth2 resource-owner password grant (an integration user).</summary>
    OAuth2Password,

    /// <summary>An API key in a header.</summary>
    ApiKey,

    /// <summary>Tokens in every request body (Mews' ClientToken and AccessToken).</summary>
    BodyTokens,

    /// <summary>A WS-Security UsernameToken in the SOAP header.</summary>
    WsSecurityUsernameToken,

    /// <summary>No authentication (an in-process PMS).</summary>
    None,
}

/// <summary>A vendor's documented request quota, as the catalog shows it.</summary>
/// <param name="Requests">Requests allowed per <paramref name="Per"/>.</param>
/// <param name="Per">The period.</param>
/// <param name="Scope">What the quota is counted per (<c>client id + account</c>, <c>access token</c>, <c>environment</c>).</param>
public sealed record PmsDeclaredRateLimit(int Requests, TimeSpan Per, string Scope)
{
    /// <summary>Gets the requests the vendor allows back to back, where it documents a burst.</summary>
    public int? Burst { get; init; }

    /// <summary>Gets what else the vendor's documents say about the quota.</summary>
    public string? Note { get; init; }
}

/// <summary>A vendor API a connector speaks, at a version.</summary>
/// <param name="Api">The API as the vendor names it (<c>booking</c>, <c>PMS API</c>, <c>OTA_HotelResNotifRQ</c>).</param>
/// <param name="Version">The version the connector speaks (<c>v1</c>, <c>v1.3</c>).</param>
public sealed record PmsVendorApiVersion(string Api, string Version)
{
    /// <summary>Gets the version of the vendor's document the connector was written from (OpenAPI <c>info.version</c>, a changelog date, an OTA publication), where it differs from <see cref="Version"/>.</summary>
    public string? DocumentVersion { get; init; }
}
