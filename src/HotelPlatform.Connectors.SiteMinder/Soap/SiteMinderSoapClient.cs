using System.Xml.Linq;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.SiteMinder.Soap;

/// <summary>
/// Sends one OTA message to pmsXchange over the hotel's named <see cref="HttpClient"/> (the runtime's pipeline:
/// UsernameToken, resilience by intent, classification, telemetry) and returns the OTA response element, or throws the
/// <see cref="PmsException"/> the classifier chose.
/// </summary>
internal sealed class SiteMinderSoapClient(IHttpClientFactory factory, string hotelId, Func<SiteMinderOptions> options)
{
    public static string ClientName(string hotelId) => $"{PmsVendors.SiteMinder}:{hotelId}";

    public Func<SiteMinderOptions> Options => options;

    /// <summary>Sends a message; the caller sets the intent (<see cref="PmsOperation.Begin(PmsOperationIntent)"/>) where it is not the current one.</summary>
    /// <param name="message">The OTA request.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The OTA response element.</returns>
    public async Task<XElement> SendAsync(XElement message, CancellationToken cancellationToken)
    {
        var content = new SoapEnvelopeContent(message.Name.LocalName, message);
        using var request = new HttpRequestMessage(HttpMethod.Post, options().EffectiveAddress) { Content = content };
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{message.Name.LocalName}\"");
        var client = factory.CreateClient(ClientName(hotelId));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (PmsHttpErrors.TryFromTransportFailure(exception, PmsVendors.SiteMinder, PmsOperation.CurrentName, request, cancellationToken, out var error))
        {
            throw error;
        }

        using (response)
        {
            PmsHttpResponses.ThrowIfFailed(response);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return SoapEnvelopeReader.Read(body).Payload!;
            }
            catch (FormatException exception)
            {
                throw new PmsException("SiteMinder answered with something other than a SOAP envelope.", exception) { Vendor = PmsVendors.SiteMinder, Operation = PmsOperation.CurrentName };
            }
        }
    }
}
