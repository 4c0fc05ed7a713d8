using System.Text.Json;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// A webhook delivery as documented on apaleo.dev "webhooks-payload" (saved as
/// <c>webhook.event.reservation-created.example.json</c> and <c>webhook.event.system-healthcheck.example.json</c>):
/// <c>topic, type, id, accountId, propertyId</c> (or <c>propertyIds</c> for the health check), <c>timestamp</c>,
/// <c>clientId, subjectId, data.entityId</c>. <c>timestamp</c> is epoch milliseconds in the newer variant and epoch
/// seconds in an older one, so it is read raw.
/// </summary>
internal sealed record WebhookEventModel
{
    public string? Topic { get; init; }

    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? AccountId { get; init; }

    public string? PropertyId { get; init; }

    public IReadOnlyList<string>? PropertyIds { get; init; }

    public JsonElement? Timestamp { get; init; }

    public string? ClientId { get; init; }

    public string? SubjectId { get; init; }

    public WebhookEventDataModel? Data { get; init; }
}

/// <summary>The <c>data</c> object of a webhook delivery: only the id of the entity that changed.</summary>
internal sealed record WebhookEventDataModel
{
    public string? EntityId { get; init; }
}

/// <summary>
/// The body of <c>POST /v1/subscriptions</c> on the Webhook API, as the official n8n node sends it [S-cur
/// <c>apaleo/n8n-nodes-apaleo</c> <c>ApaleoTrigger.node.ts</c>]: <c>endpointUrl</c>, <c>events</c> such as
/// <c>reservation/created</c> or <c>reservation/*</c>, and <c>propertyIds</c> (left out for every property).
/// </summary>
internal sealed record CreateSubscriptionModel
{
    public required string EndpointUrl { get; init; }

    public required IReadOnlyList<string> Events { get; init; }

    public IReadOnlyList<string>? PropertyIds { get; init; }
}

/// <summary>The answer of <c>POST /v1/subscriptions</c>: <c>{"id": "..."}</c> [S-cur n8n; 2021 client <c>CreateSubscriptionResponseModel</c>].</summary>
internal sealed record SubscriptionCreatedModel
{
    public string? Id { get; init; }
}

/// <summary>An item of the array <c>GET /v1/subscriptions</c> answers; the members the n8n node reads [S-cur].</summary>
internal sealed record SubscriptionModel
{
    public required string Id { get; init; }

    public string? EndpointUrl { get; init; }

    public IReadOnlyList<string>? Events { get; init; }

    public IReadOnlyList<string>? PropertyIds { get; init; }
}
