using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Simulators.Tests;

/// <summary>The helpers a vendor's <see cref="ISimulatorBinding"/> is written with.</summary>
public sealed class BindingHelperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starting_binds_the_running_simulator_with_the_settings_made_from_it()
    {
        await using var bound = await BoundSimulator.StartAsync(new TestPmsSimulator(), s => new Dictionary<string, string?> { ["BaseAddress"] = s.BaseAddress.ToString() }, Ct);

        Assert.True(bound.Simulator.IsRunning);
        Assert.Equal(bound.Simulator.BaseAddress.ToString(), bound.Settings["BaseAddress"]);
    }

    [Fact]
    public async Task A_simulator_whose_settings_fail_is_disposed_and_the_failure_passed_on()
    {
        var simulator = new TestPmsSimulator();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BoundSimulator.StartAsync<TestPmsSimulator>(simulator, _ => throw new InvalidOperationException("no settings"), Ct));

        Assert.False(simulator.IsRunning);
    }

    [Fact]
    public void A_blank_or_missing_setting_is_the_fallback()
    {
        var hotel = new ConfigurationBuilder().AddInMemoryCollection([new("ClientId", "abc"), new("Name", "  ")]).Build();
        var context = new SimulatorBindingContext("h", hotel);

        Assert.Equal("abc", context.Setting("ClientId", "default"));
        Assert.Equal("default", context.Setting("Name", "default"));
        Assert.Null(context.Setting("Missing"));
    }
}
