using System.Text;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Client-credentials tokens (one per client id, reused, refreshed) and the account's proactive pace.</summary>
public sealed class TokenAndQuotaTests
{
    private const string ReservationPath = "/booking/v1/reservations/XPGMSXGF-1";

    private static void StubReservation(ApaleoHarness harness, string property = PropertyId) =>
        harness.Stub(Request.Create().WithPath(ReservationPath).UsingGet(), Responses.Json(ApaleoJson.Reservation("XPGMSXGF-1", property: property).ToJsonString()));

    [Fact]
    public async Task One_token_is_requested_with_the_client_credentials_and_reused()
    {
        await using var harness = Start();
        StubReservation(harness);

        for (var i = 0; i < 3; i++)
        {
            await harness.Connector.GetReservationAsync("XPGMSXGF-1", Ct);
        }

        var token = Assert.Single(harness.Received(TokenPath));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}")), token.Headers["Authorization"]);
        Assert.Equal("grant_type=client_credentials", token.Body);
        Assert.All(harness.ApiRequests(), r => Assert.Equal("Bearer " + AccessToken, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task An_expired_token_is_replaced_and_the_configured_scopes_are_requested()
    {
        await using var harness = Start(o =>
        {
            o.Scopes.Add("reservations.manage");
            o.Scopes.Add("availability.read");
        });
        harness.Sequence(() => Request.Create().WithPath(TokenPath).UsingPost(), Responses.Token("token-1", expiresIn: 3600), Responses.Token("token-2", expiresIn: 3600));
        StubReservation(harness);

        await harness.Connector.GetReservationAsync("XPGMSXGF-1", Ct);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.Connector.GetReservationAsync("XPGMSXGF-1", Ct);

        var tokens = harness.Received(TokenPath);
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.Equal("grant_type=client_credentials&scope=reservations.manage+availability.read", t.Body));
        Assert.Equal("Bearer token-2", harness.Received(ReservationPath)[^1].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_token_Apaleo_revoked_is_replaced_once_and_the_call_repeated()
    {
        await using var harness = Start();
        harness.Sequence(() => Request.Create().WithPath(TokenPath).UsingPost(), Responses.Token("token-1"), Responses.Token("token-2"));
        harness.Sequence(() => Request.Create().WithPath(ReservationPath).UsingGet(), Responses.Status(401), Responses.Json(ApaleoJson.Reservation("XPGMSXGF-1").ToJsonString()));

        await harness.Connector.GetReservationAsync("XPGMSXGF-1", Ct);

        Assert.Equal(["Bearer token-1", "Bearer token-2"], harness.Received(ReservationPath).Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Hotels_of_one_client_id_share_its_token()
    {
        await using var harness = Start(register: (builder, url) => builder.AddApaleo("muc-annex", o =>
        {
            PointAt(o, url);
            o.PropertyId = "MUCA";
        }));
        StubReservation(harness);
        harness.Stub(Request.Create().WithPath("/inventory/v1/properties/MUCA").UsingGet(), Responses.Json(ApaleoJson.Property("MUCA")));

        await harness.Connector.GetReservationAsync("XPGMSXGF-1", Ct);
        await harness.Services.GetRequiredKeyedService<IPmsConnector>("muc-annex").GetPropertyAsync(Ct);

        Assert.Single(harness.Received(TokenPath));
    }

    [Fact]
    public async Task Calls_beyond_the_burst_wait_for_the_accounts_pace_and_hotels_of_the_account_share_it()
    {
        await using var harness = Start(
            o => (o.RequestsPerSecond, o.RequestBurst) = (1, 2),
            (builder, url) => builder.AddApaleo("muc-annex", o =>
            {
                PointAt(o, url);
                (o.PropertyId, o.RequestsPerSecond, o.RequestBurst) = ("MUCA", 1, 2);
            }));
        StubReservation(harness);
        harness.Stub(Request.Create().WithPath("/inventory/v1/properties/MUCA").UsingGet(), Responses.Json(ApaleoJson.Property("MUCA")));

        await harness.Connector.GetReservationAsync("XPGMSXGF-1", Ct); // the property and the reservation: the burst of 2 is spent
        var annex = harness.Services.GetRequiredKeyedService<IPmsConnector>("muc-annex").GetPropertyAsync(Ct);
        while (await harness.Clock.NextWaitAsync() != TimeSpan.FromSeconds(20))
        {
            // Skip the limiter's refill tick; a 20-second wait is the request queued for a permit (MaxQueueWait).
        }

        Assert.Empty(harness.Received("/inventory/v1/properties/MUCA"));
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("MUCA", (await annex.WaitAsync(TimeSpan.FromSeconds(30), Ct)).VendorId);
        Assert.Single(harness.Received("/inventory/v1/properties/MUCA"));
    }
}
