namespace HotelPlatform.Connectors.Tests.Connectors;

/// <summary><see cref="PmsConnector.ExplainUnsupported"/>: a connector's reason for a missing capability reaches the exception the base throws.</summary>
public sealed class UnsupportedReasonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connector_that_explains_a_missing_capability_has_its_reason_in_the_exception()
    {
        var connector = new ExplainingConnector(missing => missing.HasFlag(ConnectorCapabilities.Quotes) ? "Acme prices nothing (acme docs §2)." : null);

        var error = await Assert.ThrowsAsync<PmsNotSupportedException>(() => connector.QuoteAsync(new QuoteRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), 1), Ct));

        Assert.Equal("The acme connector does not support Quote (capability Quotes). Acme prices nothing (acme docs §2).", error.Message);
        Assert.Equal(ConnectorCapabilities.Quotes, error.Capability);
    }

    [Fact]
    public async Task Without_a_reason_the_message_is_the_bare_one()
    {
        var connector = new ExplainingConnector(_ => null);

        var error = await Assert.ThrowsAsync<PmsNotSupportedException>(() => connector.GetGuestAsync("G1", Ct));

        Assert.Equal("The acme connector does not support GetGuest (capability GuestProfiles).", error.Message);
    }

    private sealed class ExplainingConnector(Func<ConnectorCapabilities, string?> explain) : PmsConnector("acme", "P1", ConnectorCapabilities.None)
    {
        protected override string? ExplainUnsupported(ConnectorCapabilities missing) => explain(missing);
    }
}
