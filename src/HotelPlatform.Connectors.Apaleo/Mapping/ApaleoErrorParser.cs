using System.Text.Json;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>What an Apaleo error body says.</summary>
/// <param name="Messages">The messages, in order; empty when the body said nothing usable.</param>
/// <param name="ErrorType">The Webhook API's error <c>type</c> (HealthcheckFailed, EnabledForAnotherEndpoint, InvalidPropertyId), where sent.</param>
internal sealed record ApaleoErrorBody(IReadOnlyList<string> Messages, string? ErrorType)
{
    /// <summary>Gets a body that says nothing.</summary>
    public static ApaleoErrorBody Empty { get; } = new([], null);
}

/// <summary>
/// Reads Apaleo error bodies for the runtime's error factory (<c>PmsVendorError.Messages</c> / <c>ErrorCode</c>). The
/// core APIs answer 422 "Validation errors in the request body or query params" with <c>MessageItemCollection</c>
/// <c>{"messages": ["..."]}</c>; the Webhook API answers <c>{"type": "...", "message": "..."}</c>. No spec defines the
/// bodies of 400/401/403/404/5xx, so anything else is read leniently: JSON of either shape, or short plain text.
/// Messages are returned unscrubbed — the runtime's factory scrubs them before they reach an exception message.
/// </summary>
internal static class ApaleoErrorParser
{
    /// <summary>The longest plain-text body taken as a message.</summary>
    public const int MaxPlainTextLength = 500;

    /// <summary>Parses an error body.</summary>
    /// <param name="content">The body, or <see langword="null"/>.</param>
    /// <returns>What it says; never <see langword="null"/>.</returns>
    public static ApaleoErrorBody Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return ApaleoErrorBody.Empty;
        }

        var trimmed = content.Trim();
        if (trimmed[0] != '{')
        {
            // Not JSON (a gateway's HTML page or a plain-text reason): keep a short one, drop markup and long pages.
            return trimmed.Length <= MaxPlainTextLength && !trimmed.StartsWith('<')
                ? new ApaleoErrorBody([trimmed], null)
                : ApaleoErrorBody.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            var messages = new List<string>();
            if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                messages.AddRange(list.EnumerateArray()
                    .Where(m => m.ValueKind == JsonValueKind.String)
                    .Select(m => m.GetString()!)
                    .Where(m => !string.IsNullOrWhiteSpace(m)));
            }

            if (root.TryGetProperty("message", out var single) && single.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(single.GetString()))
            {
                messages.Add(single.GetString()!);
            }

            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new ApaleoErrorBody(messages, string.IsNullOrWhiteSpace(type) ? null : type);
        }
        catch (JsonException)
        {
            return ApaleoErrorBody.Empty;
        }
    }
}
