namespace HotelPlatform.Connectors.InMemory;

/// <summary>
/// Settings of one in-memory hotel, from code (<c>AddInMemory("hotel", o =&gt; ...)</c>) or configuration:
/// <code>
/// "Hotels": { "berlin-mitte": { "Vendor": "inmemory", "PropertyId": "BER", "TimeZone": "Europe/Berlin", "Currency": "EUR" } }
/// </code>
/// </summary>
public sealed class InMemoryPmsOptions : PmsConnectorOptions
{
    private readonly List<Action<InMemoryHotelBuilder>> _seeds = [];

    /// <summary>Initializes a new instance of the <see cref="InMemoryPmsOptions"/> class.</summary>
    public InMemoryPmsOptions() => PropertyId = "INMEMORY";

    /// <summary>Gets or sets the property's name.</summary>
    public string Name { get; set; } = "In-memory hotel";

    /// <summary>Gets or sets the property's IANA time zone (for example <c>Europe/Berlin</c>); "today" is today there. The default is <c>Etc/UTC</c>.</summary>
    public string TimeZone { get; set; } = "Etc/UTC";

    /// <summary>Gets or sets the ISO 4217 currency every price is in. The default is EUR.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>
    /// Gets or sets whether the hotel starts with the demo data of <see cref="InMemoryHotelBuilder.WithDemoData"/>.
    /// <see langword="null"/> (the default): demo data unless <see cref="Seed"/> was called, so a hotel from configuration
    /// is usable at once and a hotel seeded in code holds only what the test put there.
    /// </summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>Gets or sets whether arrivals before today may be booked and quoted (see <see cref="InMemoryHotelBuilder.AllowArrivalsInThePast"/>).</summary>
    public bool AllowArrivalsInThePast { get; set; }

    /// <summary>Gets or sets what the connector declares; fewer than <see cref="ConnectorCapabilities.All"/> simulates a vendor that lacks features.</summary>
    public ConnectorCapabilities Capabilities { get; set; } = ConnectorCapabilities.All;

    /// <summary>Gets or sets the page size of reservation lists whose query sets none (1 to 1000).</summary>
    public int DefaultPageSize { get; set; } = InMemoryPmsConnector.DefaultPageSize;

    /// <summary>Gets the seeding actions added with <see cref="Seed"/>, in order.</summary>
    internal IReadOnlyList<Action<InMemoryHotelBuilder>> Seeds => _seeds;

    /// <summary>Adds a seeding action, run on the hotel's builder when the hotel is first used (after the demo data, if any).</summary>
    /// <param name="seed">Seeds the hotel: room types, rate plans, guests, reservations.</param>
    /// <returns>These options.</returns>
    public InMemoryPmsOptions Seed(Action<InMemoryHotelBuilder> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _seeds.Add(seed);
        return this;
    }

    /// <summary>Builds the hotel these options describe.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The hotel.</returns>
    internal InMemoryPms CreatePms(TimeProvider timeProvider)
    {
        var builder = new InMemoryHotelBuilder()
            .WithProperty(PropertyId, Name, TimeZone, Currency)
            .AllowArrivalsInThePast(AllowArrivalsInThePast);
        if (SeedDemoData ?? _seeds.Count == 0)
        {
            builder.WithDemoData();
        }

        foreach (var seed in _seeds)
        {
            seed(builder);
        }

        return builder.Build(timeProvider);
    }
}
