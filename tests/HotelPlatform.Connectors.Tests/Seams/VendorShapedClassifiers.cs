using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Tests.Seams;

// Classifiers written the way the vendor packages will write theirs, from the facts in ../shared/docs/vendors and the
// vendors' specs: they prove the seam can express each dialect. The real ones live in each vendor's package.

/// <summary>Cloudbeds: business errors come back as HTTP 200 with <c>{"success": false, "message": "..."}</c> (opera-cloudbeds-siteminder.md §2.8).</summary>
internal sealed class CloudbedsStyleClassifier : PmsResponseClassifier
{
    public override async ValueTask<PmsResponseClassification> ClassifyAsync(PmsResponseContext context, CancellationToken cancellationToken)
    {
        if (context.Response.StatusCode != HttpStatusCode.OK)
        {
            return await base.ClassifyAsync(context, cancellationToken);
        }

        var body = await context.ReadBodyAsync(cancellationToken: cancellationToken);
        using var document = JsonDocument.Parse(body ?? "{}");
        var root = document.RootElement;
        if (!root.TryGetProperty("success", out var success) || success.ValueKind != JsonValueKind.False)
        {
            return PmsResponseClassification.Success;
        }

        var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        var kind = message.Contains("not found", StringComparison.OrdinalIgnoreCase) ? PmsFailureKind.NotFound : PmsFailureKind.Validation;
        return PmsResponseClassification.Failed(context.CreateError() with { Kind = kind, Messages = [message] });
    }
}

/// <summary>SOAP 1.1: a Fault answered with HTTP 500 is the service's definite refusal (SOAP 1.1 §6.2), not an unknown outcome.</summary>
internal sealed class SoapFaultClassifier : PmsResponseClassifier
{
    private static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";

    public override async ValueTask<PmsResponseClassification> ClassifyAsync(PmsResponseContext context, CancellationToken cancellationToken)
    {
        if (context.Response.StatusCode == HttpStatusCode.InternalServerError
            && await context.ReadBodyAsync(cancellationToken: cancellationToken) is { Length: > 0 } body
            && XDocument.Parse(body).Descendants(Envelope + "Fault").FirstOrDefault() is { } fault)
        {
            var code = fault.Element("faultcode")?.Value;
            return PmsResponseClassification.Failed(context.CreateError() with
            {
                Kind = code?.EndsWith("Client", StringComparison.Ordinal) == true ? PmsFailureKind.Validation : PmsFailureKind.Other,
                OutcomeKnown = true,
                ErrorCode = code,
                Messages = [fault.Element("faultstring")?.Value ?? string.Empty],
            });
        }

        return await base.ClassifyAsync(context, cancellationToken);
    }
}

/// <summary>Mews: 403 is a business-rule failure meant for the user, body <c>{"Message": "...", "RequestId": "..."}</c> (apaleo-mews.md §2, errors).</summary>
internal sealed class MewsStyleClassifier : PmsResponseClassifier
{
    protected override async ValueTask<PmsVendorError> ReadErrorAsync(PmsResponseContext context, PmsVendorError error, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await context.ReadBodyAsync(cancellationToken: cancellationToken) ?? "{}");
        var root = document.RootElement;
        return error with
        {
            Kind = error.StatusCode == HttpStatusCode.Forbidden ? PmsFailureKind.Validation : null,
            Messages = root.TryGetProperty("Message", out var message) ? [message.GetString()!] : [],
            RequestId = root.TryGetProperty("RequestId", out var id) ? id.GetString() : error.RequestId,
        };
    }
}

/// <summary>OHIP: errors are <c>exceptionDetailType</c> (title, detail, <c>o:errorCode</c>, <c>o:errorPath</c>), as in Oracle's int.json.</summary>
internal sealed class OperaStyleClassifier : PmsResponseClassifier
{
    protected override async ValueTask<PmsVendorError> ReadErrorAsync(PmsResponseContext context, PmsVendorError error, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await context.ReadBodyAsync(cancellationToken: cancellationToken) ?? "{}");
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return error with
        {
            ErrorCode = Text("o:errorCode"),
            Field = Text("o:errorPath"),
            Messages = new[] { Text("title"), Text("detail") }.OfType<string>().ToList(),
        };
    }
}
