using System.Text.Json;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// Puts credentials into the JSON object body of every request, for vendors that authenticate in the body rather than in
/// a header (a client token, an access token and the client's name as properties of each POST). The body is rewritten
/// with the properties first, followed by the request's own; a property the body already carries with a value is left
/// as it is. The content type and other content headers are kept. A request without a body, or whose body is not a
/// JSON object, fails with an <see cref="InvalidOperationException"/> before it is sent: that is a connector bug, and
/// sending it without credentials would only earn a 401.
/// </summary>
public sealed class PmsJsonBodyAuthenticator : PmsRequestAuthenticator
{
    private readonly KeyValuePair<string, string>[] _properties;

    /// <summary>Initializes a new instance of the <see cref="PmsJsonBodyAuthenticator"/> class.</summary>
    /// <param name="properties">The properties' names and values, in the order they are written; at least one, names unique, values not empty. Values are never logged.</param>
    public PmsJsonBodyAuthenticator(IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        _properties = properties.ToArray();
        if (_properties.Length == 0)
        {
            throw new ArgumentException("At least one property is required.", nameof(properties));
        }

        foreach (var (name, value) in _properties)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A property name is empty.", nameof(properties));
            }

            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"The value of property '{name}' is empty.", nameof(properties));
            }
        }

        if (_properties.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() != _properties.Length)
        {
            throw new ArgumentException("A property name appears twice.", nameof(properties));
        }
    }

    /// <summary>Gets the names of the properties put into each body.</summary>
    public IReadOnlyList<string> PropertyNames => _properties.Select(p => p.Key).ToArray();

    /// <inheritdoc />
    public override async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = request.Content
                      ?? throw new InvalidOperationException($"{Describe(request)} has no body; it must be a JSON object to carry the credentials ({string.Join(", ", PropertyNames)}).");

        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? node;
        try
        {
            node = bytes.Length == 0 ? null : JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            // Not kept as the inner exception: the parser's message quotes the offending character of the body. The
            // position is enough to find the fault.
            throw new InvalidOperationException($"{Describe(request)} does not have a JSON body (invalid at line {ex.LineNumber}, byte {ex.BytePositionInLine}); it must be a JSON object to carry the credentials.");
        }

        if (node is not JsonObject body)
        {
            var kind = node is null ? "empty" : node.GetValueKind().ToString();
            throw new InvalidOperationException($"{Describe(request)} has a JSON body that is {kind}, not an object; it must be a JSON object to carry the credentials.");
        }

        var insertAt = 0;
        foreach (var (name, value) in _properties)
        {
            if (body.TryGetPropertyValue(name, out var existing))
            {
                if (existing is not null)
                {
                    continue;
                }

                body.Remove(name);
            }

            body.Insert(insertAt++, name, JsonValue.Create(value));
        }

        var rewritten = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, PmsAuthenticationJsonContext.Default.JsonObject));
        foreach (var header in content.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                rewritten.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        request.Content = rewritten;
        content.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(PmsJsonBodyAuthenticator)} ({string.Join(", ", PropertyNames)})";

    private static string Describe(HttpRequestMessage request) =>
        $"The request {request.Method.Method} {PmsRedaction.ScrubPath(request.RequestUri)}";
}

/// <summary>Source-generated serialization of the rewritten body, so that it works trimmed and AOT-compiled.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class PmsAuthenticationJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
