using Refit;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// Apaleo's Webhook API, on its own base address (<c>https://webhook.apaleo.com</c>; staging
/// <c>https://webhook.apaleo-staging.com</c>) with the same bearer token as the core APIs. Paths from the 2021 client in
/// <c>apaleo/slack</c>; body and answer members as the current official n8n node uses them [S-cur].
/// </summary>
internal interface IApaleoWebhookApi
{
    /// <summary><c>GET /v1/subscriptions</c>: the account's subscriptions (a JSON array).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with the subscriptions, or the error answer.</returns>
    [Get("/v1/subscriptions")]
    Task<IApiResponse<IReadOnlyList<SubscriptionModel>>> GetSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/subscriptions</c>. Apaleo first sends a health-check event (<c>topic: system, type: healthcheck</c>) to
    /// the endpoint; when that is not answered with 2xx the subscription is not created.
    /// </summary>
    /// <param name="subscription">The endpoint, events and properties.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created subscription's id, or the error answer.</returns>
    [Post("/v1/subscriptions")]
    Task<IApiResponse<SubscriptionCreatedModel>> CreateSubscriptionAsync(
        [Body] CreateSubscriptionModel subscription,
        CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v1/subscriptions/{id}</c>.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    [Delete("/v1/subscriptions/{id}")]
    Task<IApiResponse> DeleteSubscriptionAsync(string id, CancellationToken cancellationToken = default);
}
