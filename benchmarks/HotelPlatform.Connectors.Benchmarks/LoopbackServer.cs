using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Benchmarks;

/// <summary>A Kestrel server on 127.0.0.1 with a small JSON read endpoint and an OAuth2 token endpoint.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        var body = JsonSerializer.SerializeToUtf8Bytes(new { id = "BER", name = "Hotel Berlin Mitte", timeZone = "Europe/Berlin", currencyCode = "EUR" });
        app.MapGet("/inventory/v1/properties/BER", async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body);
        });
        var token = JsonSerializer.SerializeToUtf8Bytes(new { access_token = "bench-token", token_type = "Bearer", expires_in = 3600 });
        app.MapPost("/connect/token", async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(token);
        });

        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
