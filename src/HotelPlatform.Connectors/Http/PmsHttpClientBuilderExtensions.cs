using HotelPlatform.Connectors.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Http;

/// <summary>Puts the runtime's HTTP pipeline on a vendor's <see cref="HttpClient"/>.</summary>
public static class PmsHttpClientBuilderExtensions
{
    /// <summary>The category of the pipeline's log lines.</summary>
    public const string LogCategory = "HotelPlatform.Connectors.Http";

    /// <summary>
    /// Registers a named <see cref="HttpClient"/> with the PMS pipeline; see <see cref="AddPmsHttpPipeline"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="clientName">The client's name, unique per hotel (for example <c>apaleo:berlin-mitte</c>).</param>
    /// <param name="options">Makes the client's settings, typically from the hotel's named vendor options.</param>
    /// <returns>The client's builder, for vendor-specific additions (headers, a Refit client, a test handler).</returns>
    public static IHttpClientBuilder AddPmsHttpClient(this IServiceCollection services, string clientName, Func<IServiceProvider, PmsHttpClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        return services.AddHttpClient(clientName).AddPmsHttpPipeline(options);
    }

    /// <summary>
    /// Adds the PMS pipeline to a client (use it on the builder a Refit <c>AddRefitClient</c> returns). Handlers,
    /// outermost first:
    /// <list type="number">
    /// <item>diagnostics: one log line per failed or slow call, without query strings, headers, tokens or bodies;
    /// transport failures become <see cref="PmsException"/>s;</item>
    /// <item>resilience (Microsoft.Extensions.Http.Resilience): total timeout, retry of reads and of writes marked safe
    /// (<see cref="PmsHttpRequestOptions"/>, idempotency key) on transient failures honouring <c>Retry-After</c>, the
    /// account's proactive rate limiter (<see cref="PmsHttpClientOptions.RateLimit"/>), per-attempt timeout;</item>
    /// <item>authentication (<see cref="PmsHttpClientOptions.Authenticator"/>): the account's credentials on every
    /// attempt, one renewal and replay on 401; a refused TLS handshake (client certificate) becomes a
    /// <see cref="PmsAuthenticationException"/>;</item>
    /// <item>the send marker, innermost: records that the request reached the network.</item>
    /// </list>
    /// A <see cref="PmsHttpClientOptions.ClientCertificate"/> is put on the primary handler for mutual TLS.
    /// The client's own <see cref="HttpClient.Timeout"/> is switched off (the pipeline's timeouts run on the injected
    /// <see cref="TimeProvider"/>), and IHttpClientFactory's default loggers, which write full request addresses, are removed.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="options">Makes the client's settings; called when the client's handlers are built and when a client is created.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">The client already has the pipeline.</exception>
    public static IHttpClientBuilder AddPmsHttpPipeline(this IHttpClientBuilder builder, Func<IServiceProvider, PmsHttpClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var name = builder.Name;
        if (builder.Services.Any(d => d.ServiceType == typeof(PmsHttpClientRegistration) && Equals(d.ServiceKey, name)))
        {
            throw new InvalidOperationException($"The HTTP client '{name}' already has the PMS pipeline.");
        }

        builder.Services.AddPmsRuntimeServices();
        builder.Services.AddKeyedSingleton(name, new PmsHttpClientRegistration(name, options));

        builder.ConfigureHttpClient((services, client) =>
        {
            var settings = Resolve(services, name);
            if (settings.BaseAddress is not null)
            {
                client.BaseAddress = settings.BaseAddress;
            }

            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.RemoveAllLoggers();
        builder.AddHttpMessageHandler(services => new PmsHttpDiagnosticsHandler(
            Resolve(services, name),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory),
            services.GetRequiredService<TimeProvider>()));
        builder.AddResilienceHandler(PmsResilience.PipelineName, (pipeline, context) =>
            PmsResilience.Configure(pipeline, Resolve(context.ServiceProvider, name), context.ServiceProvider));
        builder.AddHttpMessageHandler(services =>
        {
            var settings = Resolve(services, name);
            return new PmsResponseClassifyingHandler(
                settings,
                services.GetRequiredService<PmsRateLimiterRegistry>().GetBackoff(settings.EffectiveAccountKey),
                services.GetRequiredService<TimeProvider>());
        });
        builder.AddHttpMessageHandler(services =>
        {
            var settings = Resolve(services, name);
            var registration = services.GetRequiredKeyedService<PmsHttpClientRegistration>(name);

            // Settings that follow a hotel's options (AddPmsHttpPipeline<TOptions>) are read per request, cheaply (the
            // same instance until the options change), so a changed credential is used on the next call.
            return new PmsAuthenticationHandler(
                registration.FollowsOptions ? () => Resolve(services, name).Authenticator : () => settings.Authenticator,
                settings.Vendor,
                settings.ClientCertificate is not null,
                services.GetRequiredKeyedService<PmsClientCertificateRequests>(name));
        });
        builder.AddHttpMessageHandler(static _ => new PmsSendMarkerHandler());

        // Post-configured, so that it runs after every ConfigurePrimaryHttpMessageHandler of the client, whenever it was
        // called: the certificate goes on the primary handler that is actually used.
        builder.Services.AddKeyedSingleton(name, new PmsClientCertificateRequests());
        builder.Services.PostConfigure<HttpClientFactoryOptions>(name, factoryOptions => factoryOptions.HttpMessageHandlerBuilderActions.Add(handlers =>
            PmsClientCertificates.Apply(
                handlers.PrimaryHandler,
                Resolve(handlers.Services, name).ClientCertificate,
                name,
                handlers.Services.GetRequiredKeyedService<PmsClientCertificateRequests>(name))));
        return builder;
    }

    /// <summary>
    /// Adds the PMS pipeline to a client whose settings are made from a hotel's named vendor options (see
    /// <see cref="AddPmsHttpPipeline(IHttpClientBuilder, Func{IServiceProvider, PmsHttpClientOptions})"/>): the
    /// settings are made and validated once per options instance, so the hot path does not re-run the factory, and made
    /// again when the options change (<see cref="IOptionsMonitor{TOptions}"/> hands out a new instance on reload), so the
    /// connector and the pipeline always read the same options.
    /// </summary>
    /// <typeparam name="TOptions">The vendor's options type.</typeparam>
    /// <param name="builder">The client's builder.</param>
    /// <param name="optionsName">The name of the options (the hotel's key).</param>
    /// <param name="map">Makes the client's settings from the options (and the services: a credential registry, say).</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddPmsHttpPipeline<TOptions>(this IHttpClientBuilder builder, string optionsName, Func<IServiceProvider, TOptions, PmsHttpClientOptions> map)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(optionsName);
        ArgumentNullException.ThrowIfNull(map);
        var mapped = new MappedOptions<TOptions>(map);
        builder.AddPmsHttpPipeline(services => mapped.Get(services, services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName)));
        ((PmsHttpClientRegistration)builder.Services
            .Single(d => d.ServiceType == typeof(PmsHttpClientRegistration) && Equals(d.ServiceKey, builder.Name)).KeyedImplementationInstance!).FollowsOptions = true;
        return builder;
    }

    private static PmsHttpClientOptions Resolve(IServiceProvider services, string name) =>
        services.GetRequiredKeyedService<PmsHttpClientRegistration>(name).Resolve(services);

    /// <summary>The settings made from the latest options instance, remade when the instance changes.</summary>
    private sealed class MappedOptions<TOptions>(Func<IServiceProvider, TOptions, PmsHttpClientOptions> map)
        where TOptions : class
    {
        private (TOptions Source, PmsHttpClientOptions Mapped)? _latest;

        public PmsHttpClientOptions Get(IServiceProvider services, TOptions source)
        {
            var latest = _latest;
            if (latest is { } known && ReferenceEquals(known.Source, source))
            {
                return known.Mapped;
            }

            var mapped = map(services, source);
            _latest = (source, mapped);
            return mapped;
        }
    }
}

/// <summary>How one client's settings are made, and their validation.</summary>
internal sealed class PmsHttpClientRegistration(string clientName, Func<IServiceProvider, PmsHttpClientOptions> factory)
{
    private PmsHttpClientOptions? _validated;

    /// <summary>Gets or sets whether the settings are made from a hotel's named options, one instance per options instance (cheap to resolve per request).</summary>
    public bool FollowsOptions { get; set; }

    public PmsHttpClientOptions Resolve(IServiceProvider services)
    {
        var options = factory(services)
                      ?? throw new InvalidOperationException($"The options factory of PMS HTTP client '{clientName}' returned null.");

        // A factory that hands out the same instance again (AddPmsHttpPipeline<TOptions>) is validated once.
        if (ReferenceEquals(Volatile.Read(ref _validated), options))
        {
            return options;
        }

        var problems = options.Validate(clientName);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        Volatile.Write(ref _validated, options);
        return options;
    }
}
