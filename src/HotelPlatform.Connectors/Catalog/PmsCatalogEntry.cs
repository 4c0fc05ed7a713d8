using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Catalog;

/// <summary>One connector package in the catalog: what it declares, its package id and version, and its certification.</summary>
public sealed record PmsCatalogEntry
{
    /// <summary>Gets the vendor name (<see cref="PmsVendors"/>).</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets the vendor's name as people write it.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Gets the NuGet package id.</summary>
    public required string Package { get; init; }

    /// <summary>Gets the package version.</summary>
    public required string Version { get; init; }

    /// <summary>Gets what the connector can do.</summary>
    [JsonIgnore]
    public ConnectorCapabilities Capabilities { get; init; }

    /// <summary>Gets the names of the capabilities the connector has, one each (JSON <c>capabilities</c>).</summary>
    [JsonPropertyName("capabilities")]
    public IReadOnlyList<string> CapabilityNames => Split(Capabilities);

    /// <summary>Gets the names of the capabilities the connector lacks (JSON <c>missingCapabilities</c>).</summary>
    [JsonPropertyName("missingCapabilities")]
    public IReadOnlyList<string> MissingCapabilityNames => Split(ConnectorCapabilities.All & ~Capabilities);

    /// <summary>Gets the features (sub-clients) the connector offers, by feature name (<see cref="PmsFeatureAttribute"/>).</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Gets the sub-client interfaces the connector returns from <see cref="IPmsConnector.GetService"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<Type> FeatureTypes { get; init; } = [];

    /// <summary>Gets the ways the connector authenticates.</summary>
    public required IReadOnlyList<PmsAuthKind> AuthKinds { get; init; }

    /// <summary>Gets the vendor's documented quotas; empty when it documents none.</summary>
    public required IReadOnlyList<PmsDeclaredRateLimit> RateLimits { get; init; }

    /// <summary>Gets where the vendor serves its API.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Gets the connector's documentation page.</summary>
    public required Uri Documentation { get; init; }

    /// <summary>Gets the vendor APIs and versions the connector speaks.</summary>
    public required IReadOnlyList<PmsVendorApiVersion> ApiVersions { get; init; }

    /// <summary>Gets the latest live contract-kit certification of the vendor, or <see langword="null"/> when none was given.</summary>
    public PmsCatalogCertification? Certification { get; init; }

    /// <summary>Gets a value indicating whether the certification is of this very package version and certified it.</summary>
    public bool Certified => Certification is { Certified: true } c && string.Equals(c.ConnectorVersion, Version, StringComparison.Ordinal);

    internal static PmsCatalogEntry From(PmsConnectorDescriptor descriptor, string package, string version, PmsCatalogCertification? certification) => new()
    {
        Vendor = descriptor.Vendor,
        DisplayName = descriptor.DisplayName,
        Package = package,
        Version = version,
        Capabilities = descriptor.Capabilities,
        Features = [.. descriptor.Features.Select(PmsFeatureAttribute.NameOf)],
        FeatureTypes = descriptor.Features,
        AuthKinds = descriptor.AuthKinds,
        RateLimits = descriptor.RateLimits,
        Regions = descriptor.Regions,
        Documentation = descriptor.Documentation,
        ApiVersions = descriptor.ApiVersions,
        Certification = certification,
    };

    private static string[] Split(ConnectorCapabilities capabilities) =>
        [.. Enum.GetValues<ConnectorCapabilities>()
            .Where(c => c is not ConnectorCapabilities.None and not ConnectorCapabilities.All && capabilities.HasFlag(c))
            .Select(c => c.ToString())];
}
