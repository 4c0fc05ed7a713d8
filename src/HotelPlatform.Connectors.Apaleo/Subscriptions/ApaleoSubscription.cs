namespace HotelPlatform.Connectors.Apaleo.Subscriptions;

/// <summary>A webhook subscription of an Apaleo account.</summary>
/// <param name="Id">Apaleo's id of the subscription.</param>
/// <param name="EndpointUrl">The address Apaleo delivers to; <see langword="null"/> when Apaleo returned none that parses.</param>
public sealed record ApaleoSubscription(string Id, Uri? EndpointUrl)
{
    /// <summary>Gets the events that make every reservation change a delivery (<c>reservation/*</c>), the ones the connector's webhook parser turns into reservation events.</summary>
    public static IReadOnlyList<string> ReservationEvents { get; } = ["reservation/*"];

    /// <summary>Gets the events delivered, such as <c>reservation/created</c> or <c>reservation/*</c>.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>Gets the properties whose events are delivered; empty for every property of the account.</summary>
    public IReadOnlyList<string> PropertyIds { get; init; } = [];

    /// <inheritdoc />
    /// <remarks>The endpoint address is left out: it may carry the secret token that protects the endpoint.</remarks>
    public override string ToString() => $"ApaleoSubscription {{ Id = {Id}, Events = [{string.Join(", ", Events)}], PropertyIds = [{string.Join(", ", PropertyIds)}] }}";
}
