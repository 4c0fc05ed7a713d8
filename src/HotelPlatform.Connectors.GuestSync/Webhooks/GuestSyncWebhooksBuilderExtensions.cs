using HotelPlatform.Connectors.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>Adds the guest sync trigger to the webhook framework.</summary>
public static class GuestSyncWebhooksBuilderExtensions
{
    /// <summary>The default SQLite file of golden records, in the host's content root.</summary>
    public const string DefaultSqliteFile = "guest-sync.db";

    /// <summary>
    /// Syncs the primary guest of every reservation created or changed at a hotel of the chain, one sync per guest key
    /// at a time in this host. Registers <see cref="GuestSyncService"/> over the chain of
    /// <see cref="GuestSyncWebhookOptions.Hotels"/> (connectors from <see cref="IPmsConnectorRegistry"/>), with the
    /// <see cref="IGoldenGuestStore"/> and <see cref="GuestSyncPolicy"/> registered before, or a SQLite store
    /// (<see cref="GuestSyncWebhookOptions.Store"/>) and the default policy.
    /// </summary>
    /// <param name="builder">The webhook framework's builder.</param>
    /// <param name="configure">Sets the chain and whether the trigger is on.</param>
    /// <returns>The builder.</returns>
    public static PmsWebhooksBuilder AddGuestSync(this PmsWebhooksBuilder builder, Action<GuestSyncWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<GuestSyncWebhookOptions>().Configure(configure)
            .Validate(o => !o.Enabled || (o.Hotels.Count > 0 && o.Hotels.All(h => !string.IsNullOrWhiteSpace(h.HotelId) && !string.IsNullOrWhiteSpace(h.PhoneRegion))),
                "GuestSyncWebhookOptions: an enabled guest sync needs Hotels, each with a HotelId and a PhoneRegion.");
        builder.Services.TryAddSingleton<IGoldenGuestStore>(sp =>
        {
            var store = sp.GetRequiredService<IOptions<GuestSyncWebhookOptions>>().Value.Store;
            return new SqliteGoldenGuestStore(Path.Combine(sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory, store));
        });
        builder.Services.TryAddSingleton(sp =>
        {
            var registry = sp.GetRequiredService<IPmsConnectorRegistry>();
            var hotels = sp.GetRequiredService<IOptions<GuestSyncWebhookOptions>>().Value.Hotels;
            return new GuestSyncService(
                hotels.Select(h => new GuestSyncHotel(h.HotelId, registry.Get(h.HotelId), h.PhoneRegion)),
                sp.GetRequiredService<IGoldenGuestStore>(),
                sp.GetService<GuestSyncPolicy>(),
                sp.GetService<TimeProvider>());
        });
        builder.Services.TryAddSingleton<GuestKeyLocks>();
        return builder.AddEventHandler<GuestSyncEventHandler>();
    }
}

/// <summary>The guest sync trigger's settings (bind them from a <c>GuestSync</c> section).</summary>
public sealed class GuestSyncWebhookOptions
{
    /// <summary>Gets or sets a value indicating whether reservation events trigger guest syncs. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the SQLite file of golden records, relative to the content root, used when no <see cref="IGoldenGuestStore"/> is registered. Default <see cref="GuestSyncWebhooksBuilderExtensions.DefaultSqliteFile"/>.</summary>
    public string Store { get; set; } = GuestSyncWebhooksBuilderExtensions.DefaultSqliteFile;

    /// <summary>Gets the chain's hotels, in tie-breaking order (the first wins a tie).</summary>
    public IList<GuestSyncHotelOptions> Hotels { get; } = [];
}

/// <summary>A hotel of the chain in <see cref="GuestSyncWebhookOptions"/>.</summary>
public sealed class GuestSyncHotelOptions
{
    /// <summary>Gets or sets the hotel's key (as registered with the connectors).</summary>
    public string HotelId { get; set; } = string.Empty;

    /// <summary>Gets or sets the ISO 3166-1 alpha-2 region its phone numbers without a country code are read in.</summary>
    public string PhoneRegion { get; set; } = string.Empty;
}
