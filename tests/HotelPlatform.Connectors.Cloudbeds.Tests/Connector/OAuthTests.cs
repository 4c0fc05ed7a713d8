using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>
/// The connector's OAuth path against the Cloudbeds simulator's own token endpoint (POST /access_token): the
/// authorization-code and refresh-token grants, renewal after a 401, and the errors of revoked or wrong credentials.
/// </summary>
public sealed class OAuthTests : IAsyncLifetime
{
    private const string HotelId = "lisbon";

    private readonly TestClock _clock = new();
    private readonly List<string> _rotated = [];
    private CloudbedsSimulator _simulator = null!;
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = new CloudbedsSimulator(new SimulatorOptions { TimeProvider = _clock });
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task An_authorization_code_is_exchanged_once_and_the_refresh_token_it_brings_is_handed_over_to_be_stored()
    {
        var code = _simulator.Authorization.Authorize();
        var pms = Connector(o => (o.AuthorizationCode, o.RedirectUri) = (code, _simulator.CloudbedsOptions.RedirectUri));

        var property = await pms.GetPropertyAsync(Ct);
        await pms.GetRoomTypesAsync(Ct);

        Assert.Equal(_simulator.CloudbedsOptions.PropertyName, property.Name);
        Assert.Single(_rotated);
        Assert.Equal(1, _simulator.Tokens.TokensIssued);
        var token = Assert.Single(_simulator.Requests.Snapshot(), r => r.Path.EndsWith("/access_token", StringComparison.Ordinal));
        Assert.Contains("grant_type=authorization_code", token.Body, StringComparison.Ordinal);
        Assert.Contains(_simulator.Requests.Snapshot(), r => r.Path.EndsWith("/oauth/metadata", StringComparison.Ordinal) && r.Headers.ContainsKey("Authorization"));
        Assert.Empty(_simulator.ValidationFailures);
    }

    [Fact]
    public async Task An_access_token_the_simulator_stops_accepting_is_renewed_with_the_rotated_refresh_token()
    {
        var pms = Connector(o => o.RefreshToken = _simulator.Authorization.GrantRefreshToken());
        await pms.GetPropertyAsync(Ct);
        _simulator.Tokens.RevokeAll();

        await Assert.ThrowsAsync<PmsNotFoundException>(() => pms.GetReservationAsync("1", Ct));

        // The simulator retires a refresh token once used, so the second exchange succeeded only with the rotated one.
        Assert.Equal(2, _simulator.Tokens.TokensIssued);
        Assert.Equal(2, _rotated.Count);
        Assert.Equal(1, _simulator.Requests.Snapshot().Count(r => r.Path.EndsWith("/getReservation", StringComparison.Ordinal) && r.Response?.StatusCode == 401));
    }

    [Fact]
    public async Task A_property_that_disconnects_the_app_gets_an_authentication_error_asking_to_authorize_again()
    {
        var pms = Connector(o => o.RefreshToken = _simulator.Authorization.GrantRefreshToken());
        await pms.GetPropertyAsync(Ct);
        _simulator.Authorization.RevokeAll();

        var refused = await Assert.ThrowsAsync<PmsAuthenticationException>(() => pms.GetReservationAsync("1", Ct));

        Assert.Contains("authorized again", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_an_authentication_error_and_no_api_call_is_made()
    {
        var pms = Connector(o => (o.RefreshToken, o.ClientSecret) = (_simulator.Authorization.GrantRefreshToken(), "not-the-secret"));

        var refused = await Assert.ThrowsAsync<PmsAuthenticationException>(() => pms.GetPropertyAsync(Ct));

        Assert.Contains("refused the client credentials (HTTP 401)", refused.Message, StringComparison.Ordinal);
        Assert.All(_simulator.Requests.Snapshot(), r => Assert.EndsWith("/access_token", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_authorization_code_used_twice_is_refused_the_second_time()
    {
        var code = _simulator.Authorization.Authorize();
        await Connector(o => (o.AuthorizationCode, o.RedirectUri) = (code, _simulator.CloudbedsOptions.RedirectUri)).GetPropertyAsync(Ct);
        await _services!.DisposeAsync();
        _services = null;

        var refused = await Assert.ThrowsAsync<PmsAuthenticationException>(() => Connector(o => (o.AuthorizationCode, o.RedirectUri) = (code, _simulator.CloudbedsOptions.RedirectUri)).GetPropertyAsync(Ct));

        Assert.Contains("authorized again", refused.Message, StringComparison.Ordinal);
    }

    private IPmsConnector Connector(Action<CloudbedsOptions> credential)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddLogging();
        services.AddPmsConnectors().AddCloudbeds(HotelId, o =>
        {
            o.PropertyId = _simulator.CloudbedsOptions.PropertyId;
            o.BaseAddress = new Uri(_simulator.BaseAddress, CloudbedsSimulator.ApiPath.TrimStart('/') + "/");
            o.ClientId = _simulator.CloudbedsOptions.ClientId;
            o.ClientSecret = _simulator.CloudbedsOptions.ClientSecret;
            o.RequestsPerSecond = 0;
            o.RefreshTokenRotated = (token, _) =>
            {
                lock (_rotated)
                {
                    _rotated.Add(token);
                }

                return ValueTask.CompletedTask;
            };
            credential(o);
        });
        _services = services.BuildServiceProvider();
        return _services.GetRequiredKeyedService<IPmsConnector>(HotelId);
    }
}
