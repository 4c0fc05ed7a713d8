using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Tests.Authentication;

/// <summary>
/// Mutual TLS over real sockets: a Kestrel server on 127.0.0.1 that requires a client certificate (both certificates
/// self-signed, made with <see cref="CertificateRequest"/>), and the pipeline's <see cref="PmsHttpClientOptions.ClientCertificate"/>.
/// </summary>
public sealed class MutualTlsTests : IAsyncLifetime
{
    private static readonly X509Certificate2 ServerCertificate = Create("CN=127.0.0.1", serverAuth: true);
    private static readonly X509Certificate2 ClientCertificate = Create("CN=hotelplatform-test-client", serverAuth: false);
    private static readonly X509Certificate2 StrangerCertificate = Create("CN=someone-else", serverAuth: false);

    private WebApplication? _server;
    private Uri _address = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => (_server, _address) = await StartServerAsync(SslProtocols.None);

    /// <summary>Starts the server; <see cref="SslProtocols.None"/> lets the platform choose (TLS 1.3 where available).</summary>
    private static async Task<(WebApplication Server, Uri Address)> StartServerAsync(SslProtocols protocols)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.SslProtocols = protocols;
            https.ServerCertificate = ServerCertificate;
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;

            // Only the test client's certificate is accepted; anything else is refused in the handshake.
            https.ClientCertificateValidation = (certificate, _, _) => certificate.Thumbprint == ClientCertificate.Thumbprint;
        })));
        var server = builder.Build();
        server.MapGet("/api/whoami", (HttpContext context) => context.Connection.ClientCertificate?.Subject ?? "nobody");
        await server.StartAsync(Ct);
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (server, new Uri(address + "/api/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private PipelineHarness Harness(X509Certificate2? clientCertificate, Uri? address = null) => PipelineHarness.Create(services =>
        services.AddPmsHttpClient(PipelineHarness.ClientName, _ =>
            {
                var options = PipelineHarness.Options();
                options.BaseAddress = address ?? _address;
                options.ClientCertificate = clientCertificate;
                options.MaxRetryAttempts = 0;
                return options;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Trust exactly the test server's self-signed certificate.
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == ServerCertificate.Thumbprint },
            }));

    [Fact]
    public async Task A_client_with_the_certificate_is_let_in_by_a_server_that_requires_one()
    {
        await using var harness = Harness(ClientCertificate);

        var subject = await harness.Client().GetStringAsync("whoami", Ct).Within();

        Assert.Equal("CN=hotelplatform-test-client", subject);
    }

    [Fact]
    public async Task A_client_without_a_certificate_fails_with_an_authentication_error_naming_the_TLS_handshake()
    {
        await using var harness = Harness(clientCertificate: null);

        var error = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Client().GetStringAsync("whoami", Ct).Within());

        Assert.Equal("acme", error.Vendor);
        Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
        Assert.Contains("no client certificate was presented", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_a_certificate_the_server_does_not_accept_fails_with_an_authentication_error()
    {
        await using var harness = Harness(StrangerCertificate);

        var error = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Client().GetStringAsync("whoami", Ct).Within());

        Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused the client certificate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_TLS_1_2_the_refusal_in_the_handshake_itself_is_reported_the_same_way()
    {
        var (server, address) = await StartServerAsync(SslProtocols.Tls12);
        await using (server)
        {
            await using var harness = Harness(StrangerCertificate, address);

            var error = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Client().GetStringAsync("whoami", Ct).Within());

            Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
            Assert.Contains("refused the client certificate", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_certificate_without_its_private_key_is_refused_by_validation_naming_the_setting()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(ClientCertificate.Export(X509ContentType.Cert));
        await using var harness = Harness(publicOnly);

        var error = Assert.Throws<InvalidOperationException>(() => harness.Client());

        Assert.Contains("ClientCertificate must have its private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_on_a_primary_handler_that_cannot_carry_one_fails_clearly()
    {
        await using var harness = PipelineHarness.Create(services =>
            services.AddPmsHttpClient(PipelineHarness.ClientName, _ =>
                {
                    var options = PipelineHarness.Options();
                    options.ClientCertificate = ClientCertificate;
                    return options;
                })
                .ConfigurePrimaryHttpMessageHandler(() => new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK))));

        var error = Assert.Throws<InvalidOperationException>(() => harness.Client());

        Assert.Contains("ClientCertificate is set, but the primary handler (TestHttpHandler) cannot carry a client certificate", error.Message, StringComparison.Ordinal);
    }

    private static X509Certificate2 Create(string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Round-tripped through PKCS#12 so that the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
