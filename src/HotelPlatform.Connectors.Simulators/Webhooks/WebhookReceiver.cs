using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>One webhook delivery a <see cref="WebhookReceiver"/> took in.</summary>
/// <param name="RequestUri">The address it was posted to, with its query (where a secret token may travel).</param>
/// <param name="Body">The body as sent.</param>
/// <param name="Headers">The request headers (case-insensitive names), including <c>Authorization</c> for basic credentials.</param>
public sealed record ReceivedWebhook(Uri RequestUri, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Gets the path it was posted to, such as <c>/hooks/pms</c>.</summary>
    public string Path => RequestUri.AbsolutePath;
}

/// <summary>
/// The other end of a simulator's webhooks: a Kestrel server on <c>127.0.0.1:0</c> that accepts every <c>POST</c>,
/// keeps it in <see cref="Received"/> and answers <see cref="StatusCode"/>, or what a handler decides (verify the
/// delivery, parse it, refuse it). Subscribe <see cref="BaseAddress"/> (plus any path and query) on the simulator.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the receiver's address, ending in <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the deliveries received, in order of arrival.</summary>
    public SimulatorLog<ReceivedWebhook> Received { get; } = new();

    /// <summary>Gets or sets the status answered to each delivery when no handler was given (200 by default).</summary>
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>Starts a receiver that answers every delivery with <see cref="StatusCode"/>.</summary>
    /// <param name="cancellationToken">A token that cancels start-up.</param>
    /// <returns>The listening receiver.</returns>
    public static Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken = default) => StartAsync(handler: null, cancellationToken);

    /// <summary>Starts a receiver whose <paramref name="handler"/> sees each delivery as it arrives and chooses the status answered.</summary>
    /// <param name="handler">Called for each delivery (after it is recorded); returns the HTTP status to answer. <see langword="null"/> answers <see cref="StatusCode"/>.</param>
    /// <param name="cancellationToken">A token that cancels start-up.</param>
    /// <returns>The listening receiver.</returns>
    public static async Task<WebhookReceiver> StartAsync(Func<ReceivedWebhook, int>? handler, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext context, CancellationToken ct) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var received = new ReceivedWebhook(
                new Uri(context.Request.GetEncodedUrl()),
                await reader.ReadToEndAsync(ct).ConfigureAwait(false),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            receiver!.Received.Add(received);
            return Results.StatusCode(handler?.Invoke(received) ?? receiver.StatusCode);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/"));
        return receiver;
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
