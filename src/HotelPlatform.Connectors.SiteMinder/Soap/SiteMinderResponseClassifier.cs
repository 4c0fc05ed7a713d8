using System.Net;
using System.Text;
using System.Xml.Linq;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.SiteMinder.Wire;

namespace HotelPlatform.Connectors.SiteMinder.Soap;

/// <summary>
/// pmsXchange answers application errors with HTTP 200 and an OTA <c>Errors/Error @Type @Code</c>, and server-level
/// problems with a SOAP Fault (or an HTTP error). This classifier reads every answer: an OTA error becomes the error
/// hierarchy's kind by its documented code (<see cref="KindOf"/>); a SOAP Fault is a definite refusal (not retried, the
/// outcome of a write known: nothing was applied); other HTTP errors are judged by status.
/// </summary>
internal sealed class SiteMinderResponseClassifier : PmsResponseClassifier
{
    public static SiteMinderResponseClassifier Instance { get; } = new();

    public override async ValueTask<PmsResponseClassification> ClassifyAsync(PmsResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? body = await context.ReadBodyAsync(SiteMinderOptions.MaxMessageBytes, cancellationToken).ConfigureAwait(false);
        SoapReply? reply = null;
        if (!string.IsNullOrEmpty(body))
        {
            try
            {
                reply = SoapEnvelopeReader.Read(Encoding.UTF8.GetBytes(body));
            }
            catch (FormatException)
            {
                // Not an envelope (an HTML error page, say): the status decides below.
            }
        }

        if (reply is { IsFault: true })
        {
            var fault = context.CreateError() with
            {
                Messages = [reply.FaultReason ?? "SOAP Fault"],
                ErrorCode = reply.FaultCode,
                Kind = string.Equals(reply.FaultCode, "Client", StringComparison.Ordinal) ? PmsFailureKind.Validation : PmsFailureKind.Unavailable,
                OutcomeKnown = true,
            };
            return PmsResponseClassification.Failed(fault);
        }

        if ((int)context.Response.StatusCode >= 400)
        {
            return await base.ClassifyAsync(context, cancellationToken).ConfigureAwait(false);
        }

        if (reply?.Payload?.Element(Ota.N("Errors")) is not { } errors)
        {
            return PmsResponseClassification.Success;
        }

        var first = errors.Elements(Ota.N("Error")).FirstOrDefault();
        string? code = (string?)first?.Attribute("Code");
        var kind = KindOf(code, (string?)first?.Attribute("Type"));
        var error = context.CreateError() with
        {
            Messages = [.. errors.Elements(Ota.N("Error")).Select(Describe)],
            ErrorCode = code,
            Kind = kind,
            OutcomeKnown = true,
            EntityType = kind == PmsFailureKind.NotFound ? "hotel" : null,
        };
        return kind == PmsFailureKind.Unavailable ? PmsResponseClassification.Transient(error) : PmsResponseClassification.Failed(error);
    }

    /// <summary>
    /// The kind of an OTA error, by the codes pmsXchange documents: 448 invalid credentials; 392 hotel not found and
    /// 375 hotel not active; 187 system currently unavailable (transient); 321 required field, 137 occupancy, 397 adults,
    /// 402 room type, 249 / 436 / 842 rate, 783 room-rate combination and any Type 10 (schema) error are refusals of what
    /// was sent; anything else is a failure of no known kind.
    /// </summary>
    internal static PmsFailureKind KindOf(string? code, string? type) => code switch
    {
        "448" => PmsFailureKind.Authentication,
        "392" or "375" => PmsFailureKind.NotFound,
        "187" => PmsFailureKind.Unavailable,
        "321" or "137" or "397" or "402" or "249" or "436" or "783" or "842" => PmsFailureKind.Validation,
        _ when type == "10" => PmsFailureKind.Validation,
        _ => PmsFailureKind.Other,
    };

    private static string Describe(XElement error)
    {
        string text = error.Attribute("ShortText")?.Value is { Length: > 0 } shortText ? shortText : error.Value;
        return string.IsNullOrWhiteSpace(text) ? $"OTA error {(string?)error.Attribute("Code")}" : text.Trim();
    }
}
