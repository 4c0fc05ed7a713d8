using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>
/// Lets the connector registry hear that one hotel's options changed (a configuration reload), whatever the options type,
/// so that it makes the hotel's connector again with the new settings on the next call instead of keeping the values the
/// old connector captured when it was made (its property id, for one).
/// </summary>
internal sealed class PmsHotelOptionsChanges
{
    private readonly Func<IServiceProvider, Action, IDisposable?> _subscribe;

    private PmsHotelOptionsChanges(string hotelId, Func<IServiceProvider, Action, IDisposable?> subscribe)
    {
        HotelId = hotelId;
        _subscribe = subscribe;
    }

    /// <summary>Gets the hotel's key (the name of its options).</summary>
    public string HotelId { get; }

    /// <summary>The changes of the named options <typeparamref name="TOptions"/> of one hotel.</summary>
    /// <typeparam name="TOptions">The hotel's options type.</typeparam>
    /// <param name="hotelId">The hotel's key.</param>
    /// <returns>The source.</returns>
    public static PmsHotelOptionsChanges Of<TOptions>(string hotelId) => new(hotelId, (services, changed) =>
        services.GetRequiredService<IOptionsMonitor<TOptions>>().OnChange((_, name) =>
        {
            if (string.Equals(name, hotelId, StringComparison.Ordinal))
            {
                changed();
            }
        }));

    /// <summary>Calls <paramref name="changed"/> after every change of the hotel's options.</summary>
    /// <param name="services">The provider holding the options monitor.</param>
    /// <param name="changed">What to do.</param>
    /// <returns>Ends the subscription.</returns>
    public IDisposable? Subscribe(IServiceProvider services, Action changed) => _subscribe(services, changed);
}
