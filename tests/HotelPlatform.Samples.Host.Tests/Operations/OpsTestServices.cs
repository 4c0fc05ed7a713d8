using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Webhooks;
using HotelPlatform.Samples.Host.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Samples.Host.Tests.Operations;

/// <summary>The sample's /ops services over in-memory hotels and the files in a test's folder, on the test's clock, not started: tests drive them.</summary>
internal static class OpsTestServices
{
    public static ServiceProvider Build(string folder, TimeProvider time, IReadOnlyList<string> hotels, Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(settings ?? []);
        foreach (var hotel in hotels)
        {
            values[$"Hotels:{hotel}:Vendor"] = "inmemory";
            values[$"Hotels:{hotel}:PropertyId"] = hotel.ToUpperInvariant();
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddMetrics().AddSingleton(time);
        services.AddPmsConnectors().AddInMemoryVendor().AddFromConfiguration(configuration.GetSection("Hotels"));
        services.AddPmsWebhooks().UseSqlite(Path.Combine(folder, "inbox.db"));
        services.AddOpsDashboard(configuration, folder);
        return services.BuildServiceProvider();
    }
}
