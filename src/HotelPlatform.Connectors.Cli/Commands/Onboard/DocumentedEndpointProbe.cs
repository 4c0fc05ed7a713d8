using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>
/// Tells the PMS behind a base address no vendor's host names, by sending each vendor's documented request without
/// credentials and seeing which one the server answers the way the vendor documents (an authentication challenge, or a
/// SOAP envelope for SiteMinder's pmsXchange). The requests read nothing and carry no credential: a challenge is all they
/// can get. Each answer only counts when a made-up path next to it is answered differently, so a server that challenges
/// (or refuses) every request detects nothing; more than one vendor recognised also detects nothing.
/// </summary>
/// <remarks>
/// The requests go through <see cref="IHttpClientFactory"/> with a short timeout and no retries: a probe that does not
/// answer at once is no evidence, and retrying an unknown server is not the tool's business. They do not use the
/// connectors' pipeline (<c>AddPmsHttpPipeline</c>), which exists to retry and pace a vendor already known.
/// </remarks>
internal sealed class DocumentedEndpointProbe : IDisposable
{
    /// <summary>The named client the probes use.</summary>
    public const string ClientName = "hotelpms-onboard-probe";

    /// <summary>How long one probe request may take unless the caller says otherwise (<c>--probe-timeout</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    // One documented request per vendor, relative to the hotel's base address as the vendor's connector resolves its
    // paths. Sources (vendor-specs): Apaleo inventory-v1.swagger.json, GET /inventory/v1/properties (401, 403); Cloudbeds
    // pms-v1.3-openapi.yaml, GET /getHotels under the server https://api.cloudbeds.com/api/v1.3/ (security api_key
    // x-api-key; the document lists no 401, the challenge is the security scheme's); Mews connector-api-docs
    // operations/configuration.md, POST [PlatformAddress]/api/connector/v1/configuration/get, and guidelines/responses.md
    // (401 for an invalid ClientToken or AccessToken); OPERA rest-api-specs/property/oauth.json, POST /oauth/v1/tokens
    // (400, 401, 403); SiteMinder siteconnect.wsdl (SOAP 1.1, wsse:Security header on every operation) with the
    // ota-samples OTA_PingRQ body posted to the endpoint itself.
    private static readonly Probe[] Probes =
    [
        new(PmsVendors.Apaleo, HttpMethod.Get, "inventory/v1/properties", null, IsChallenge, "GET inventory/v1/properties answered {0} (Apaleo's inventory API)"),
        new(PmsVendors.Cloudbeds, HttpMethod.Get, "getHotels", null, IsChallenge, "GET getHotels answered {0} (Cloudbeds' API v1.3)"),
        new(PmsVendors.Mews, HttpMethod.Post, "api/connector/v1/configuration/get", () => new StringContent("""{"ClientToken":"","AccessToken":"","Client":"hotelpms onboard probe"}""", Encoding.UTF8, "application/json"), IsChallenge, "POST api/connector/v1/configuration/get answered {0} (Mews Connector API)"),
        new(PmsVendors.Opera, HttpMethod.Post, "oauth/v1/tokens", () => new FormUrlEncodedContent([new("grant_type", "client_credentials")]), (status, _) => IsChallenge(status, string.Empty) || status == HttpStatusCode.BadRequest, "POST oauth/v1/tokens answered {0} (OHIP's OAuth endpoint)"),
        new(PmsVendors.SiteMinder, HttpMethod.Post, string.Empty, () => new StringContent(PingEnvelope, Encoding.UTF8, "text/xml"), (_, body) => body.Contains("schemas.xmlsoap.org/soap/envelope", StringComparison.Ordinal) && (body.Contains("OTA_PingRS", StringComparison.Ordinal) || body.Contains("Fault", StringComparison.Ordinal)), "OTA_PingRQ without WS-Security answered with a SOAP envelope ({0}; SiteMinder pmsXchange)"),
    ];

    private const string PingEnvelope = """
        <?xml version="1.0" encoding="UTF-8"?>
        <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header/><SOAP-ENV:Body><OTA_PingRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="hotelpms-onboard-probe" TimeStamp="2026-01-01T00:00:00Z" Version="1.0"><EchoData>hotelpms onboard probe</EchoData></OTA_PingRQ></SOAP-ENV:Body></SOAP-ENV:Envelope>
        """;

    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _clients;

    /// <summary>Initializes a new instance of the <see cref="DocumentedEndpointProbe"/> class.</summary>
    /// <param name="timeout">How long one probe request may take; <see cref="DefaultTimeout"/> when omitted.</param>
    public DocumentedEndpointProbe(TimeSpan? timeout = null)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName, client => client.Timeout = timeout ?? DefaultTimeout);
        _services = services.BuildServiceProvider();
        _clients = _services.GetRequiredService<IHttpClientFactory>();
    }

    /// <summary>Gets the documented requests, as the report and docs cite them.</summary>
    public static IEnumerable<string> Described => Probes.Select(p => $"{p.Vendor}: {p.Method} {(p.Path.Length == 0 ? "(the endpoint itself)" : p.Path)}");

    /// <summary>Probes <paramref name="baseAddress"/>; returns the one vendor recognised, or <see langword="null"/>.</summary>
    public async Task<DetectedPms?> DetectAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(Probes.Select(p => RecogniseAsync(p, baseAddress, cancellationToken))).ConfigureAwait(false);
        var recognised = answers.OfType<DetectedPms>().ToList();
        return recognised.Count == 1 ? recognised[0] : null;
    }

    /// <inheritdoc />
    public void Dispose() => _services.Dispose();

    private static bool IsChallenge(HttpStatusCode status, string body) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    private async Task<DetectedPms?> RecogniseAsync(Probe probe, Uri baseAddress, CancellationToken cancellationToken)
    {
        var target = probe.Path.Length == 0 ? baseAddress : new Uri(WithTrailingSlash(baseAddress), probe.Path);
        var answer = await SendAsync(probe, target, cancellationToken).ConfigureAwait(false);
        if (answer is not { } documented || !probe.Recognises(documented.Status, documented.Body))
        {
            return null;
        }

        // The control: the same request to a path the vendor does not document must not be recognised too.
        var control = await SendAsync(probe, new Uri(WithTrailingSlash(baseAddress), "hotelpms-onboard-probe-" + Guid.NewGuid().ToString("N")), cancellationToken).ConfigureAwait(false);
        if (control is { } made && probe.Recognises(made.Status, made.Body))
        {
            return null;
        }

        return new DetectedPms(probe.Vendor, $"probe of {baseAddress.Host}: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, probe.Evidence, (int)documented.Status));
    }

    private async Task<(HttpStatusCode Status, string Body)?> SendAsync(Probe probe, Uri target, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(probe.Method, target) { Content = probe.Body?.Invoke() };
            if (request.Content?.Headers.ContentType?.MediaType == "text/xml")
            {
                request.Headers.Add("SOAPAction", "\"\""); // SOAP 1.1 requires the header; pmsXchange's operations name no action to rely on
            }

            using var response = await _clients.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, body.Length > 4096 ? body[..4096] : body);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null; // no answer (refused, timed out, not HTTP) is no evidence
        }
    }

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.GetLeftPart(UriPartial.Path) + "/");

    private sealed record Probe(string Vendor, HttpMethod Method, string Path, Func<HttpContent>? Body, Func<HttpStatusCode, string, bool> Recognises, string Evidence);
}
