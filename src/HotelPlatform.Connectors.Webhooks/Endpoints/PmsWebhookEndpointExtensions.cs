using System.Buffers;
using HotelPlatform.Connectors.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>Maps the webhook endpoints.</summary>
public static class PmsWebhookEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST {prefix}/{hotelId}</c> (and <c>{prefix}/{hotelId}/{...}</c>, for vendors whose secret travels as a
    /// path segment): one endpoint per registered hotel with a webhook handler; any other hotel id is 404. A delivery
    /// failing verification is an empty 401, a malformed one a 400 with the handler's reason, one larger than
    /// <see cref="PmsWebhooksOptions.MaxBodyBytes"/> a 413; a delivery's events are committed to the inbox before the
    /// 2xx, and handlers run later (the answer never waits for them).
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="prefix">The path prefix, for example <c>/webhooks</c>.</param>
    /// <returns>The group, for conventions (rate limiting, host filtering).</returns>
    public static RouteGroupBuilder MapPmsWebhooks(this IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/{hotelId}", (Delegate)ReceiveAsync).ExcludeFromDescription();
        group.MapPost("/{hotelId}/{**rest}", (Delegate)ReceiveAsync).ExcludeFromDescription();
        return group;
    }

    private static async Task ReceiveAsync(HttpContext context, string hotelId)
    {
        var services = context.RequestServices;
        var receiver = services.GetRequiredService<PmsWebhookReceiver>();
        var maxBody = services.GetRequiredService<IOptions<PmsWebhooksOptions>>().Value.MaxBodyBytes;
        var body = await ReadBodyAsync(context.Request, maxBody, context.RequestAborted).ConfigureAwait(false);
        PmsWebhookReceipt receipt;
        if (body is null)
        {
            receipt = PmsWebhookReceipt.Status(StatusCodes.Status413PayloadTooLarge);
        }
        else
        {
            var headers = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in context.Request.Headers)
            {
                headers[header.Key] = header.Value;
            }

            var request = new PmsWebhookRequest
            {
                HotelId = hotelId,
                Method = context.Request.Method,
                Path = context.Request.Path.Value ?? string.Empty,
                QueryString = context.Request.QueryString.Value ?? string.Empty,
                Headers = headers,
                Body = body,
                ContentType = context.Request.ContentType,
                ReceivedAt = receiver.TimeProvider.GetUtcNow(),
            };
            receipt = await receiver.ReceiveAsync(request, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = receipt.StatusCode;
        if (!receipt.Body.IsEmpty)
        {
            context.Response.ContentType = receipt.ContentType;
            await context.Response.Body.WriteAsync(receipt.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the body, or returns <see langword="null"/> as soon as it exceeds the limit (nothing more is read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}
