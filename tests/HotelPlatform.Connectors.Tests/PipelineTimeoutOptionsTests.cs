using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Tests;

/// <summary>The pipeline's timeouts are settings of each hotel: bound from configuration, validated at start, carried into the pipeline.</summary>
public sealed class PipelineTimeoutOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static ServiceProvider Hotel(params (string Key, string Value)[] settings)
    {
        var configuration = Configuration([("Hotels:berlin:PropertyId", "BER"), .. settings]);
        var services = new ServiceCollection();
        services.AddPmsHotelOptions<PmsConnectorOptions>("berlin", "acme", configuration.GetSection("Hotels:berlin"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Timeouts_bind_from_configuration_as_time_spans_per_hotel()
    {
        using var provider = Hotel(("Hotels:berlin:AttemptTimeout", "00:00:04"), ("Hotels:berlin:TotalTimeout", "00:01:00"), ("Hotels:berlin:MaxRetryAfter", "00:00:45"));

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptionsMonitor<PmsConnectorOptions>>().Get("berlin");

        Assert.Equal(TimeSpan.FromSeconds(4), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), options.MaxRetryAfter);
    }

    [Fact]
    public void Timeouts_left_unset_are_the_pipelines_own_defaults()
    {
        var hotel = new PmsConnectorOptions();
        var pipeline = new PmsHttpClientOptions();

        Assert.Equal(pipeline.AttemptTimeout, hotel.AttemptTimeout);
        Assert.Equal(pipeline.TotalTimeout, hotel.TotalTimeout);
        Assert.Equal(pipeline.MaxRetryAfter, hotel.MaxRetryAfter);
    }

    [Fact]
    public void Zero_and_negative_timeouts_fail_at_start_naming_hotel_and_path()
    {
        using var provider = Hotel(("Hotels:berlin:AttemptTimeout", "00:00:00"), ("Hotels:berlin:TotalTimeout", "-00:00:01"), ("Hotels:berlin:MaxRetryAfter", "-00:00:01"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Hotel 'berlin' (acme): AttemptTimeout must be positive (Hotels:berlin:AttemptTimeout).",
                "Hotel 'berlin' (acme): TotalTimeout must be positive (Hotels:berlin:TotalTimeout).",
                "Hotel 'berlin' (acme): MaxRetryAfter must not be negative (Hotels:berlin:MaxRetryAfter).",
            ],
            error.Failures);
    }

    [Fact]
    public void An_attempt_longer_than_the_call_or_a_wait_as_long_as_the_call_fails_at_start()
    {
        using var provider = Hotel(("Hotels:berlin:AttemptTimeout", "00:00:40"), ("Hotels:berlin:TotalTimeout", "00:00:30"), ("Hotels:berlin:MaxRetryAfter", "00:00:30"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Hotel 'berlin' (acme): AttemptTimeout must not exceed TotalTimeout: one attempt cannot outlast the whole call (Hotels:berlin:AttemptTimeout).",
                "Hotel 'berlin' (acme): MaxRetryAfter must be less than TotalTimeout: a wait that long leaves no time for the retry (Hotels:berlin:MaxRetryAfter).",
            ],
            error.Failures);
    }

    [Fact]
    public void The_hotels_timeouts_are_carried_into_the_pipeline_options_and_nothing_else_changes()
    {
        var hotel = new PmsConnectorOptions { AttemptTimeout = TimeSpan.FromSeconds(3), TotalTimeout = TimeSpan.FromSeconds(12), MaxRetryAfter = TimeSpan.FromSeconds(7) };
        var pipeline = new PmsHttpClientOptions { Vendor = "acme", HotelId = "berlin", MaxRetryAttempts = 2 };

        var result = pipeline.WithTimeoutsOf(hotel);

        Assert.Same(pipeline, result);
        Assert.Equal(TimeSpan.FromSeconds(3), result.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(12), result.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), result.MaxRetryAfter);
        Assert.Equal(2, result.MaxRetryAttempts);
        Assert.Equal("berlin", result.HotelId);
    }
}
