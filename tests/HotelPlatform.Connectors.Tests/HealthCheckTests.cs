using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HotelPlatform.Connectors.Tests;

public sealed class HealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_registered_hotel_gets_a_check_mapped_from_its_connectors_health_whatever_the_call_order()
    {
        var services = new ServiceCollection();
        services.AddLogging();

        // Health checks first, hotels afterwards: the hotels are read when the health-check service is built.
        services.AddHealthChecks().AddPmsHealthChecks();
        services.AddPmsConnectors()
            .AddConnector("berlin", "apaleo", _ => new FakeConnector("apaleo"))
            .AddConnector("prague", "mews", _ => new FakeConnector("mews")
            {
                Property = _ => throw new PmsUnavailableException("mews: guest jane@example.com broke it") { Vendor = "mews" },
            })
            .AddConnector("vienna", "opera", _ => new FakeConnector("opera")
            {
                Property = _ => throw new PmsRateLimitedException("opera: slow down") { Vendor = "opera" },
            });
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);

        Assert.Equal(["pms:berlin", "pms:prague", "pms:vienna"], report.Entries.Keys.Order());
        Assert.Equal(HealthStatus.Healthy, report.Entries["pms:berlin"].Status);
        Assert.Equal(["pms", "apaleo"], report.Entries["pms:berlin"].Tags);
        Assert.Equal("apaleo", report.Entries["pms:berlin"].Data["vendor"]);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["pms:prague"].Status);
        Assert.Equal("mews: guest [email] broke it", report.Entries["pms:prague"].Description);
        Assert.IsType<PmsUnavailableException>(report.Entries["pms:prague"].Exception);
        Assert.Equal(HealthStatus.Degraded, report.Entries["pms:vienna"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
    }

    [Fact]
    public async Task The_failure_status_is_configurable_and_calling_twice_adds_no_duplicates()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPmsConnectors().AddConnector("prague", "mews", _ => new FakeConnector("mews")
        {
            Property = _ => throw new PmsAuthenticationException("refused"),
        });
        services.AddHealthChecks().AddPmsHealthChecks(HealthStatus.Degraded).AddPmsHealthChecks(HealthStatus.Degraded);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);

        Assert.Equal(HealthStatus.Degraded, Assert.Single(report.Entries).Value.Status);
    }

    [Fact]
    public async Task A_connector_that_cannot_be_created_is_reported_unhealthy()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPmsConnectors().AddConnector("berlin", "apaleo", _ => throw new InvalidOperationException("ClientSecret of jane@example.com missing"));
        services.AddHealthChecks().AddPmsHealthChecks();
        await using var provider = services.BuildServiceProvider();

        var entry = Assert.Single((await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct)).Entries).Value;

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("Hotel 'berlin': the connector failed: ClientSecret of [email] missing", entry.Description);
    }

    [Fact]
    public async Task Checks_can_be_selected_by_the_pms_tag()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPmsConnectors().AddConnector("berlin", "apaleo", _ => new FakeConnector("apaleo"));
        services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Unhealthy()).AddPmsHealthChecks();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains(PmsHealthChecksBuilderExtensions.Tag), Ct);

        Assert.Equal("pms:berlin", Assert.Single(report.Entries).Key);
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }
}
