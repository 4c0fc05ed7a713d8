namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>A PMS detected from a hotel's settings, and the evidence.</summary>
internal sealed record DetectedPms(string Vendor, string Reason);

/// <summary>
/// Tells the PMS from what a hotel supplies, when the operator does not name it: first the base address's host (the
/// production and sandbox hosts the vendors' documents name), then the shape of the credentials (the setting names each
/// vendor's options use for its documented authentication), and last, for a base address on a host no vendor names, the
/// vendors' documented endpoints probed without credentials (<see cref="DocumentedEndpointProbe"/>). Ambiguous or
/// unrecognisable settings detect nothing: the operator is asked for --vendor rather than guessed for.
/// </summary>
internal static class PmsDetection
{
    // Hosts named in /work/shared/vendor-specs (servers of the OpenAPI documents, example requests). OPERA Cloud's gateway
    // host is per customer ({HostName} in Oracle's collections) and SiteMinder's per endpoint, so only their own domains count.
    private static readonly (string HostSuffix, string Vendor)[] Hosts =
    [
        ("apaleo.com", PmsVendors.Apaleo),
        ("mews.com", PmsVendors.Mews),
        ("mews-demo.com", PmsVendors.Mews),
        ("cloudbeds.com", PmsVendors.Cloudbeds),
        ("siteminder.com", PmsVendors.SiteMinder),
        ("oraclecloud.com", PmsVendors.Opera),
    ];

    // Credential shapes, most specific first: Mews' ClientToken + AccessToken, OHIP's application key (x-app-key),
    // SiteMinder's OTA RequestorID, Cloudbeds' x-api-key or refresh token, Apaleo's OAuth client credentials alone.
    private static readonly (string[] Keys, string[] Absent, string Vendor, string Reason)[] Shapes =
    [
        (["ClientToken", "AccessToken"], [], PmsVendors.Mews, "ClientToken and AccessToken are Mews Connector API credentials"),
        (["AppKey"], [], PmsVendors.Opera, "an AppKey (x-app-key) is an OHIP credential"),
        (["RequestorId"], [], PmsVendors.SiteMinder, "a RequestorId is SiteMinder's OTA requestor"),
        (["ApiKey"], [], PmsVendors.Cloudbeds, "an ApiKey (x-api-key) is a Cloudbeds credential"),
        (["RefreshToken"], ["AppKey"], PmsVendors.Cloudbeds, "an OAuth refresh token is Cloudbeds' authorization-code grant"),
        (["ClientId", "ClientSecret"], ["AppKey", "RefreshToken", "ApiKey"], PmsVendors.Apaleo, "OAuth client credentials alone are Apaleo's grant"),
    ];

    /// <summary>Detects the vendor, or returns <see langword="null"/> when the settings do not tell.</summary>
    /// <param name="values">The hotel's settings.</param>
    /// <param name="probe">Probes the base address when neither its host nor the credentials tell; no probing when <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that cancels the detection.</param>
    public static async Task<DetectedPms?> DetectAsync(IReadOnlyDictionary<string, string?> values, DocumentedEndpointProbe? probe, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if ((FromHost(values) ?? FromCredentials(values)) is { } detected)
        {
            return detected;
        }

        return probe is not null && Uri.TryCreate(values.GetValueOrDefault("BaseAddress"), UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            ? await probe.DetectAsync(address, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private static DetectedPms? FromHost(IReadOnlyDictionary<string, string?> values)
    {
        if (!Uri.TryCreate(values.GetValueOrDefault("BaseAddress"), UriKind.Absolute, out var address))
        {
            return null;
        }

        var host = address.Host;
        var match = Hosts.FirstOrDefault(h => host.Equals(h.HostSuffix, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h.HostSuffix, StringComparison.OrdinalIgnoreCase));
        return match.Vendor is null ? null : new DetectedPms(match.Vendor, $"base address host {host}");
    }

    private static DetectedPms? FromCredentials(IReadOnlyDictionary<string, string?> values)
    {
        bool Has(string key) => !string.IsNullOrWhiteSpace(values.GetValueOrDefault(key));
        var matches = Shapes.Where(s => s.Keys.All(Has) && !s.Absent.Any(Has)).ToList();
        return matches.Count == 0 ? null : new DetectedPms(matches[0].Vendor, matches[0].Reason);
    }
}
