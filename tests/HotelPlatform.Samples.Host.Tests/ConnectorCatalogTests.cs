using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>
/// The catalog the sample host serves is built from what the registered packages declare; these tests hold each entry
/// to the real connector of a hotel of that vendor, so a declaration that drifts from the connector fails here.
/// </summary>
public sealed class ConnectorCatalogTests(SampleHostTests.HostFactory factory) : IClassFixture<SampleHostTests.HostFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_catalog_api_has_one_entry_per_registered_vendor_whose_capabilities_are_those_of_its_live_connector()
    {
        using var client = factory.CreateClient();

        var entries = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/catalog", UriKind.Relative), Ct);

        var registry = factory.Services.GetRequiredService<IPmsConnectorRegistry>();
        var byVendor = entries.EnumerateArray().ToDictionary(e => e.GetProperty("vendor").GetString()!, StringComparer.Ordinal);
        Assert.Equal(registry.Hotels.Select(h => h.Vendor).Distinct().Order(), byVendor.Keys.Order());
        foreach (var hotel in registry.Hotels)
        {
            var connector = registry.Get(hotel.HotelId);
            var declared = byVendor[hotel.Vendor].GetProperty("capabilities").EnumerateArray()
                .Aggregate(ConnectorCapabilities.None, (all, name) => all | Enum.Parse<ConnectorCapabilities>(name.GetString()!));
            Assert.True(connector.Capabilities == declared, $"{hotel.HotelId} ({hotel.Vendor}): the connector has {connector.Capabilities}, the catalog says {declared}.");
        }
    }

    [Fact]
    public void Every_declared_feature_is_served_by_the_connector_and_every_sub_client_it_serves_is_declared()
    {
        var registry = factory.Services.GetRequiredService<IPmsConnectorRegistry>();
        var catalog = PmsConnectorCatalog.FromServices(factory.Services);

        foreach (var hotel in registry.Hotels)
        {
            var connector = registry.Get(hotel.HotelId);
            var entry = catalog.Find(hotel.Vendor) ?? throw new InvalidOperationException($"No catalog entry for {hotel.Vendor}.");
            var package = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == entry.Package);
            // The connector's own class is served too (the base's GetService returns the connector itself): not a feature.
            var served = package.GetExportedTypes()
                .Where(t => (t.IsInterface || t.IsClass) && !t.IsGenericTypeDefinition && connector.GetService(t) is { } service && service is not IPmsConnector)
                .ToHashSet();
            Assert.True(served.SetEquals(entry.FeatureTypes), $"{hotel.HotelId}: GetService serves [{string.Join(", ", served.Select(t => t.Name))}], the catalog declares [{string.Join(", ", entry.FeatureTypes.Select(t => t.Name))}].");
        }
    }

    [Fact]
    public async Task The_catalog_entry_of_a_vendor_names_its_package_version_and_vendor_api()
    {
        using var client = factory.CreateClient();

        var opera = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/catalog/OPERA", UriKind.Relative), Ct);

        Assert.Equal("HotelPlatform.Connectors.Opera", opera.GetProperty("package").GetString());
        var built = typeof(HotelPlatform.Connectors.Opera.OperaOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(built.Split('+')[0], opera.GetProperty("version").GetString());
        Assert.Contains(opera.GetProperty("apiVersions").EnumerateArray(), a => a.GetProperty("api").GetString() == "rsv" && a.GetProperty("version").GetString() == "v1");
        Assert.Equal(["IOperaBlocks"], opera.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task An_unknown_vendor_is_a_404_that_names_it()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/catalog/protel", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("protel", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
