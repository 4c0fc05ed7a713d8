using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>
/// The Webhook API (<c>https://webhook.apaleo.com/v1</c>, served here on the same address): subscriptions created, listed,
/// read and deleted. Paths and status codes from the 2021 generated client in <c>apaleo/slack</c> (POST 201, GET 200 or
/// 204, DELETE 204, 422 <c>{type, message}</c> on create); body members as the current official n8n node uses them.
/// "You need to be authorized (no particular scope required)".
/// </summary>
public sealed partial class ApaleoSimulator
{
    private void MapWebhookApi(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder subscriptions = routes.MapGroup("/v1/subscriptions").RequireBearerToken(Tokens);

        subscriptions.MapPost(string.Empty, async (HttpContext context, CancellationToken cancellationToken) =>
        {
            if (Validation.ReadQuery(context).Complete() is { } rejected)
            {
                return rejected;
            }

            BodyReadResult<CreateSubscriptionModel> body = await Validation.ReadJsonAsync(context, ApaleoJson.Info<CreateSubscriptionModel>()).ConfigureAwait(false);
            if (!body.IsValid)
            {
                return body.Rejection;
            }

            var violations = new List<ValidationViolation>();
            if (!Uri.TryCreate(body.Value.EndpointUrl, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                violations.Add(new("$.endpointUrl", $"'{body.Value.EndpointUrl}' is not an absolute http(s) URL."));
            }

            if (body.Value.Events.Count == 0)
            {
                violations.Add(new("$.events", "'events' must name at least one event."));
            }

            for (int i = 0; i < body.Value.Events.Count; i++)
            {
                if (ApaleoWebhookHub.DescribeInvalidEvent(body.Value.Events[i]) is { } problem)
                {
                    violations.Add(new($"$.events[{i}]", problem));
                }
            }

            if (violations.Count > 0)
            {
                return Validation.Reject(context, violations);
            }

            IReadOnlyList<string> propertyIds = body.Value.PropertyIds ?? [];
            if (propertyIds.FirstOrDefault(p => p != Scenario.PropertyId) is { } unknown)
            {
                return WebhookError(WebhookErrorType.InvalidPropertyId, $"The property '{unknown}' does not exist in this account.");
            }

            (ApaleoSubscription? subscription, string? failure) = await _hub.SubscribeAsync(endpoint!, body.Value.Events, propertyIds, TrackingId(context), cancellationToken).ConfigureAwait(false);
            return subscription is null
                ? WebhookError(WebhookErrorType.HealthcheckFailed, failure!)
                : Json(new SubscriptionCreatedModel(subscription.Id), StatusCodes.Status201Created);
        });

        subscriptions.MapGet(string.Empty, (HttpContext context, CancellationToken cancellationToken) =>
        {
            if (Validation.ReadQuery(context).Complete() is { } rejected)
            {
                return rejected;
            }

            List<SubscriptionModel> all = [.. _hub.Subscriptions.Select(Describe)];
            return all.Count == 0 ? Results.NoContent() : Json(all);
        });

        subscriptions.MapGet("/{id}", (string id, HttpContext context) =>
            Validation.ReadQuery(context).Complete() ?? (_hub.Find(id) is { } subscription ? Json(Describe(subscription)) : Results.NotFound()));

        subscriptions.MapDelete("/{id}", (string id, HttpContext context) =>
            Validation.ReadQuery(context).Complete() ?? RefuseBody(context) ?? (_hub.Remove(id) ? Results.NoContent() : Results.NotFound()));
    }

    private static SubscriptionModel Describe(ApaleoSubscription subscription) =>
        new(subscription.Id, subscription.EndpointUrl.OriginalString, subscription.Events, subscription.PropertyIds, subscription.Created);

    private static IResult WebhookError(WebhookErrorType type, string message) =>
        Json(new WebhookErrorModel(type, message), StatusCodes.Status422UnprocessableEntity);
}
