using HotelPlatform.Connectors.Simulators.Apaleo.State;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>
/// The Webhook API (<c>https://webhook.apaleo.com/v1</c>, served here on the same address): subscriptions created, listed,
/// read, replaced and deleted. Paths and status codes from the 2021 generated client in <c>apaleo/slack</c> (POST 201, GET
/// 200 or 204, PUT 200 without a body, DELETE 204, 422 <c>{type, message}</c> on create and <c>{"messages": [...]}</c> on
/// replace, 415 for a body that is not JSON); body members as the current official n8n node uses them.
/// "You need to be authorized (no particular scope required)".
/// </summary>
public sealed partial class ApaleoSimulator
{
    private void MapWebhookApi(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder subscriptions = routes.MapGroup("/v1/subscriptions").RequireBearerToken(Tokens);

        subscriptions.MapPost(string.Empty, async (HttpContext context, CancellationToken cancellationToken) =>
        {
            (SubscriptionRequest? request, IResult? rejected) = await ReadSubscriptionAsync(context).ConfigureAwait(false);
            if (request is null)
            {
                return rejected!;
            }

            if (request.UnknownPropertyId is { } unknown)
            {
                return WebhookError(WebhookErrorType.InvalidPropertyId, $"The property '{unknown}' does not exist in this account.");
            }

            (ApaleoSubscription? subscription, string? failure) = await _hub.SubscribeAsync(request.Endpoint, request.Events, request.PropertyIds, TrackingId(context), cancellationToken).ConfigureAwait(false);
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

        subscriptions.MapPut("/{id}", async Task<IResult> (string id, HttpContext context) =>
        {
            // The 2021 ReplaceSubscriptionModel is { endpointUrl, topics, propertyIds }; the current API names events as
            // create does ("events": ["reservation/*"]), so replace takes create's body.
            (SubscriptionRequest? request, IResult? rejected) = await ReadSubscriptionAsync(context).ConfigureAwait(false);
            if (request is null)
            {
                return rejected!;
            }

            if (request.UnknownPropertyId is { } unknown)
            {
                return ApaleoRefusal.Rule($"The property '{unknown}' does not exist in this account.").ToResult();
            }

            // Not documented: whether Apaleo sends a health check to a replaced endpoint. None is sent here.
            (ApaleoSubscription? replaced, string? failure) = _hub.Replace(id, request.Endpoint, request.Events, request.PropertyIds);
            return (replaced, failure) switch
            {
                (not null, _) => Results.Ok(),
                (null, { } message) => ApaleoRefusal.Rule(message).ToResult(),
                _ => Results.NotFound(),
            };
        });

        subscriptions.MapDelete("/{id}", (string id, HttpContext context) =>
            Validation.ReadQuery(context).Complete() ?? RefuseBody(context) ?? (_hub.Remove(id) ? Results.NoContent() : Results.NotFound()));
    }

    /// <summary>
    /// Reads the body of a subscription's create or replace: no query, the strict model, the rules the shape cannot
    /// express. The request, or the rejection to answer.
    /// </summary>
    private async Task<(SubscriptionRequest? Request, IResult? Rejected)> ReadSubscriptionAsync(HttpContext context)
    {
        if (Validation.ReadQuery(context).Complete() is { } rejected)
        {
            return (null, rejected);
        }

        BodyReadResult<CreateSubscriptionModel> body = await Validation.ReadJsonAsync(context, ApaleoJson.Info<CreateSubscriptionModel>()).ConfigureAwait(false);
        if (!body.IsValid)
        {
            return (null, body.Rejection);
        }

        if (CheckSubscription(body.Value, out Uri? endpoint) is { Count: > 0 } violations)
        {
            return (null, Validation.Reject(context, violations));
        }

        IReadOnlyList<string> propertyIds = body.Value.PropertyIds ?? [];
        return (new SubscriptionRequest(endpoint!, body.Value.Events, propertyIds, propertyIds.FirstOrDefault(p => p != Scenario.PropertyId)), null);
    }

    /// <summary>A subscription body that passed validation; the first property of another account, if any, is each route's to refuse.</summary>
    private sealed record SubscriptionRequest(Uri Endpoint, IReadOnlyList<string> Events, IReadOnlyList<string> PropertyIds, string? UnknownPropertyId);

    /// <summary>The rules of a subscription body the JSON shape cannot express: an absolute http(s) endpoint, at least one documented event.</summary>
    private static List<ValidationViolation> CheckSubscription(CreateSubscriptionModel body, out Uri? endpoint)
    {
        var violations = new List<ValidationViolation>();
        if (!Uri.TryCreate(body.EndpointUrl, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            violations.Add(new("$.endpointUrl", $"'{body.EndpointUrl}' is not an absolute http(s) URL."));
        }

        if (body.Events.Count == 0)
        {
            violations.Add(new("$.events", "'events' must name at least one event."));
        }

        for (int i = 0; i < body.Events.Count; i++)
        {
            if (ApaleoWebhookHub.DescribeInvalidEvent(body.Events[i]) is { } problem)
            {
                violations.Add(new($"$.events[{i}]", problem));
            }
        }

        return violations;
    }

    private static SubscriptionModel Describe(ApaleoSubscription subscription) =>
        new(subscription.Id, subscription.EndpointUrl.OriginalString, subscription.Events, subscription.PropertyIds, subscription.Created);

    private static IResult WebhookError(WebhookErrorType type, string message) =>
        Json(new WebhookErrorModel(type, message), StatusCodes.Status422UnprocessableEntity);
}
