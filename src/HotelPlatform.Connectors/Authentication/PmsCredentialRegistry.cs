using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// The process-wide home of credentials (a singleton in the service provider): one credential per key, so that every
/// hotel of a vendor account shares one cached token, one renewal and one refresh token. Use it in the factory of a
/// hotel's <see cref="Http.PmsHttpClientOptions"/>, which runs again whenever the client's handlers are rebuilt:
/// <code>
/// var credential = sp.GetRequiredService&lt;PmsCredentialRegistry&gt;().GetClientSecretCredential(new PmsClientSecretCredentialOptions { ... });
/// options.Authenticator = new PmsBearerTokenAuthenticator(credential);
/// </code>
/// </summary>
public sealed class PmsCredentialRegistry
{
    private readonly ConcurrentDictionary<(Type Type, string Key), Lazy<object>> _credentials = new();
    private readonly IServiceProvider _services;

    /// <summary>Initializes a new instance of the <see cref="PmsCredentialRegistry"/> class.</summary>
    /// <param name="services">The root provider; credentials take the <see cref="IHttpClientFactory"/>, <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> from it.</param>
    public PmsCredentialRegistry(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
    }

    /// <summary>Returns the credential registered under <paramref name="key"/>, making it with <paramref name="create"/> the first time (once, however many callers race).</summary>
    /// <typeparam name="TCredential">The credential's type; keys of different types do not collide.</typeparam>
    /// <param name="key">What identifies the account's credential. Never a secret in clear: hash it (see <see cref="PmsOAuth2CredentialOptions.CacheKey"/>).</param>
    /// <param name="create">Makes the credential.</param>
    /// <returns>The shared credential.</returns>
    public TCredential GetOrAdd<TCredential>(string key, Func<IServiceProvider, TCredential> create)
        where TCredential : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(create);
        var lazy = _credentials.GetOrAdd(
            (typeof(TCredential), key),
            static (_, state) => new Lazy<object>(() => state.create(state.services), LazyThreadSafetyMode.ExecutionAndPublication),
            (create, services: _services));
        try
        {
            return (TCredential)lazy.Value;
        }
        catch
        {
            // A factory that failed (invalid settings) is not remembered: the next call, with corrected settings, tries again.
            _credentials.TryRemove(new KeyValuePair<(Type, string), Lazy<object>>((typeof(TCredential), key), lazy));
            throw;
        }
    }

    /// <summary>Returns the account's shared <see cref="PmsClientSecretCredential"/>, keyed by <see cref="PmsOAuth2CredentialOptions.CacheKey"/>.</summary>
    /// <param name="options">The settings; validated when the credential is made.</param>
    /// <returns>The shared credential.</returns>
    public PmsClientSecretCredential GetClientSecretCredential(PmsClientSecretCredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return GetOrAdd(options.CacheKey, sp => new PmsClientSecretCredential(options, sp.GetRequiredService<IHttpClientFactory>(), sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
    }

    /// <summary>Returns the shared <see cref="PmsRefreshTokenCredential"/> of a grant, keyed by <see cref="PmsOAuth2CredentialOptions.CacheKey"/> (which fingerprints the initial refresh token).</summary>
    /// <param name="options">The settings; validated when the credential is made.</param>
    /// <returns>The shared credential.</returns>
    public PmsRefreshTokenCredential GetRefreshTokenCredential(PmsRefreshTokenCredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return GetOrAdd(options.CacheKey, sp => new PmsRefreshTokenCredential(options, sp.GetRequiredService<IHttpClientFactory>(), sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
    }
}
