using System.Text;
using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.Apaleo.Tests.Webhooks;

/// <summary>Builds a <see cref="PmsWebhookRequest"/> as the webhook framework would from an incoming HTTP request.</summary>
internal static class WebhookRequests
{
    public static readonly DateTimeOffset ReceivedAt = new(2025, 3, 10, 10, 0, 30, TimeSpan.Zero);

    public static PmsWebhookRequest Post(Uri url, string body = "{}", string? authorization = null, string? trackingId = null, string method = "POST")
    {
        var headers = new Dictionary<string, StringValues> { ["Content-Type"] = "application/json" };
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        if (trackingId is not null)
        {
            headers["apaleo-tracking-id"] = trackingId;
        }

        return new PmsWebhookRequest
        {
            HotelId = "muc",
            Method = method,
            Path = Uri.UnescapeDataString(url.AbsolutePath),
            QueryString = url.Query,
            Headers = headers,
            Body = Encoding.UTF8.GetBytes(body),
            ContentType = "application/json",
            ReceivedAt = ReceivedAt,
        };
    }

    public static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
