using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>Settings of a <see cref="WebhookSender"/>.</summary>
public sealed class WebhookSenderOptions
{
    /// <summary>Gets or sets how long one delivery may take before it counts as failed (real time: it is network I/O).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the <c>User-Agent</c> of deliveries.</summary>
    public string UserAgent { get; set; } = "HotelPlatform.Connectors.Simulators";
}

/// <summary>Where a webhook goes: a loopback URL and, optionally, HTTP Basic credentials the subscriber registered.</summary>
/// <param name="Url">The endpoint; must be on 127.0.0.0/8, [::1] or <c>localhost</c>.</param>
/// <param name="UserName">The Basic user name, or <see langword="null"/> for none.</param>
/// <param name="Password">The Basic password.</param>
public sealed record WebhookTarget(Uri Url, string? UserName = null, string? Password = null)
{
    /// <inheritdoc />
    public override string ToString() => Url.ToString();
}

/// <summary>One webhook the simulator sent, and how it went.</summary>
/// <param name="Sequence">The delivery number, from 1.</param>
/// <param name="Url">The target.</param>
/// <param name="Payload">The JSON body sent.</param>
/// <param name="Headers">The request headers sent (secrets masked).</param>
/// <param name="SentAt">When it was sent, on the simulator's clock.</param>
/// <param name="StatusCode">The subscriber's status code, or <see langword="null"/> when no answer came.</param>
/// <param name="Error">Why it failed without an answer (connection refused, timeout), or <see langword="null"/>.</param>
public sealed record WebhookDelivery(long Sequence, Uri Url, string Payload, IReadOnlyDictionary<string, string> Headers, DateTimeOffset SentAt, int? StatusCode, string? Error)
{
    /// <summary>Gets a value indicating whether the subscriber answered 2xx (the vendors count that as delivered).</summary>
    public bool Succeeded => StatusCode is >= 200 and <= 299;
}

/// <summary>
/// Sends vendor webhooks: POSTs a JSON payload to a subscriber's URL with the headers the vendor sends, and records each
/// delivery and failure in <see cref="Deliveries"/>. Only loopback targets are allowed, both by address and at connect
/// time, because this workplace's network is loopback-only. A failed delivery is recorded, not thrown; retry policy is
/// the vendor simulator's to decide.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly VendorSimulator _simulator;
    private readonly HttpClient _client;
    private long _sequence;

    /// <summary>Initializes a new instance of the <see cref="WebhookSender"/> class.</summary>
    /// <param name="simulator">The simulator whose clock and redaction settings it uses.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    public WebhookSender(VendorSimulator simulator, WebhookSenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        _simulator = simulator;
        Options = options ?? new WebhookSenderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.Timeout, TimeSpan.Zero, nameof(options));
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectCallback = ConnectToLoopbackOnlyAsync,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Options.Timeout };
    }

    /// <summary>Gets the settings.</summary>
    public WebhookSenderOptions Options { get; }

    /// <summary>Gets every delivery attempted, in order.</summary>
    public SimulatorLog<WebhookDelivery> Deliveries { get; } = new();

    /// <summary>Throws when a URL is not a loopback HTTP(S) address.</summary>
    /// <param name="url">The URL.</param>
    /// <exception cref="ArgumentException">The URL is not absolute HTTP(S) on 127.0.0.0/8, [::1] or <c>localhost</c>.</exception>
    public static void EnsureLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The webhook target '{url}' is not an absolute http or https URL.", nameof(url));
        }

        bool loopback = IPAddress.TryParse(url.IdnHost, out IPAddress? address)
            ? IPAddress.IsLoopback(address)
            : string.Equals(url.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);
        if (!loopback)
        {
            throw new ArgumentException(
                $"The webhook target '{url}' is not a loopback address. Simulators deliver only to 127.0.0.0/8, [::1] or localhost; the network here is loopback-only.",
                nameof(url));
        }
    }

    /// <summary>Sends a JSON payload.</summary>
    /// <param name="target">The subscriber.</param>
    /// <param name="json">The JSON body.</param>
    /// <param name="headers">Extra headers the vendor sends (event type, tracking id); <c>Authorization</c> comes from <paramref name="target"/>.</param>
    /// <param name="cancellationToken">A token that cancels the delivery (the attempt is then recorded as cancelled and the exception rethrown).</param>
    /// <returns>The recorded delivery.</returns>
    /// <exception cref="ArgumentException">The target is not loopback.</exception>
    public async Task<WebhookDelivery> SendAsync(WebhookTarget target, string json, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(json);
        EnsureLoopback(target.Url);

        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd(Options.UserAgent);
        if (target.UserName is not null)
        {
            string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.UserName}:{target.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        foreach (var (name, value) in headers ?? [])
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var recordedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.Concat(request.Content.Headers))
        {
            string value = string.Join(", ", header.Value);
            recordedHeaders[header.Key] = _simulator.Options.RedactedHeaders.Contains(header.Key) ? Redaction.MaskHeaderValue(value) : value;
        }

        long sequence = Interlocked.Increment(ref _sequence);
        DateTimeOffset sentAt = _simulator.TimeProvider.GetUtcNow();
        string recordedPayload = Redaction.MaskJsonProperties(json, _simulator.Options.RedactedJsonProperties);
        WebhookDelivery delivery;
        try
        {
            using HttpResponseMessage response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            delivery = new WebhookDelivery(sequence, target.Url, recordedPayload, recordedHeaders, sentAt, (int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Deliveries.Add(new WebhookDelivery(sequence, target.Url, recordedPayload, recordedHeaders, sentAt, null, "Cancelled by the sender."));
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            string error = ex is TaskCanceledException ? $"No answer within {Options.Timeout}." : ex.Message;
            delivery = new WebhookDelivery(sequence, target.Url, recordedPayload, recordedHeaders, sentAt, null, error);
        }

        Deliveries.Add(delivery);
        return delivery;
    }

    /// <summary>Serializes a payload and sends it.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="target">The subscriber.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="typeInfo">The serialization metadata (the vendor's wire format).</param>
    /// <param name="headers">Extra headers the vendor sends.</param>
    /// <param name="cancellationToken">A token that cancels the delivery.</param>
    /// <returns>The recorded delivery.</returns>
    public Task<WebhookDelivery> SendAsync<T>(WebhookTarget target, T payload, JsonTypeInfo<T> typeInfo, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return SendAsync(target, JsonSerializer.Serialize(payload, typeInfo), headers, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    /// <summary>Connects only to loopback addresses, whatever a host name resolves to, and through no proxy.</summary>
    private static async ValueTask<Stream> ConnectToLoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        IPAddress[] addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        IPAddress[] loopback = [.. addresses.Where(IPAddress.IsLoopback)];
        if (loopback.Length == 0)
        {
            throw new HttpRequestException($"'{context.DnsEndPoint.Host}' does not resolve to a loopback address; simulators deliver webhooks only on this machine.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(loopback, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
