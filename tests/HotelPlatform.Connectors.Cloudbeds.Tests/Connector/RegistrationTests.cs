using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>A Cloudbeds hotel from configuration, as the sample host registers it, and the checks of its settings.</summary>
public sealed class RegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hotel_from_configuration_runs_on_the_simulator_its_binding_started()
    {
        var hotel = new ConfigurationBuilder().AddInMemoryCollection([new("Vendor", "cloudbeds"), new("PropertyId", "4242"), new("Name", "Casa Teste")]).Build();
        await using var bound = await new CloudbedsSimulatorBinding().StartAsync(new SimulatorBindingContext("porto", hotel), Ct);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Hotels:porto:Vendor", "cloudbeds"), new("Hotels:porto:Name", "Casa Teste")])
            .AddInMemoryCollection(bound.ToConfiguration("Hotels:porto"))
            .Build();
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddCloudbedsVendor().AllowConfigurationKeys("Name").AddFromConfiguration(configuration.GetSection("Hotels"));
        await using var provider = services.BuildServiceProvider();

        var property = await provider.GetRequiredKeyedService<IPmsConnector>("porto").GetPropertyAsync(Ct);

        Assert.Equal(("4242", "Casa Teste"), (property.VendorId, property.Name));
    }

    [Theory]
    [InlineData(null, null, "ApiKey")]
    [InlineData("cbat_key", "rt-1", "ApiKey")]
    [InlineData(null, "rt-1", "ClientId")]
    public void Settings_without_exactly_one_credential_fail_naming_the_setting(string? apiKey, string? refreshToken, string setting)
    {
        var failure = Validate(o =>
        {
            o.ApiKey = apiKey;
            o.RefreshToken = refreshToken;
        });

        Assert.Contains(setting, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_webhook_secret_an_unknown_payment_method_and_a_rate_above_ten_fail()
    {
        var failure = Validate(o =>
        {
            o.ApiKey = "cbat_key";
            o.WebhookSecret = "short";
            o.PaymentMethod = "bitcoin";
            o.RequestsPerSecond = 11;
        });

        Assert.Contains("WebhookSecret", failure, StringComparison.Ordinal);
        Assert.Contains("PaymentMethod", failure, StringComparison.Ordinal);
        Assert.Contains("RequestsPerSecond", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_pace_is_the_stricter_of_cloudbeds_two_published_limits()
    {
        Assert.Equal((5, 1), (new CloudbedsOptions().RequestsPerSecond, new CloudbedsOptions().RequestBurst));
    }

    private static string Validate(Action<CloudbedsOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddCloudbeds("lisbon", o =>
        {
            o.PropertyId = "1";
            configure(o);
        });
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<CloudbedsOptions>>().Get("lisbon")).Message;
    }
}
