using System.Xml.Linq;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.SiteMinder.Soap;
using HotelPlatform.Connectors.SiteMinder.Wire;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.SiteMinder.Events;

/// <summary>
/// SiteMinder's PUSH mode: SiteMinder posts <c>OTA_HotelResNotifRQ</c> (SOAP 1.1) with the WS-Security UsernameToken
/// the PMS chose (<see cref="SiteMinderOptions.Push"/>). A delivery is verified by that token (constant-time compare,
/// PasswordText only), parsed into one event per reservation, each carrying the reservation whole, and answered — once
/// the events are committed — with the <c>OTA_HotelResNotifRS</c> <c>Success</c> SiteMinder expects.
/// </summary>
internal sealed partial class SiteMinderWebhookHandler(string hotelId, Func<SiteMinderOptions> options, TimeProvider timeProvider, ILogger<SiteMinderWebhookHandler> logger) : PmsWebhookHandler
{
    public override string Vendor => PmsVendors.SiteMinder;

    protected override bool Verify(PmsWebhookRequest request)
    {
        var push = options().Push;
        if (string.IsNullOrEmpty(push.Username) || string.IsNullOrEmpty(push.Password))
        {
            LogNotConfigured(logger, hotelId);
            return false;
        }

        SoapReply reply;
        try
        {
            reply = SoapEnvelopeReader.Read(request.Body);
        }
        catch (FormatException)
        {
            LogNoToken(logger, hotelId);
            return false;
        }

        if (reply.UsernameToken is not { } token || (token.PasswordType is not null && token.PasswordType != UsernameTokenHeader.PasswordText))
        {
            LogNoToken(logger, hotelId);
            return false;
        }

        // Both compared, always, so the time taken says nothing about which one was wrong.
        bool user = new PmsWebhookSecret(push.Username).Matches(token.Username);
        bool password = new PmsWebhookSecret(push.Password).Matches(token.Password);
        return user & password;
    }

    protected override ValueTask<PmsWebhookResult> ParseAsync(PmsWebhookRequest request, CancellationToken cancellationToken)
    {
        var payload = SoapEnvelopeReader.Read(request.Body).Payload;
        if (payload?.Name != Ota.N("OTA_HotelResNotifRQ"))
        {
            throw new FormatException($"A SiteMinder push carries OTA_HotelResNotifRQ; this one carries {payload?.Name.LocalName ?? "a fault"}.");
        }

        string hotelCode = options().PropertyId;
        var reservations = payload.Element(Ota.N("HotelReservations"))?.Elements(Ota.N("HotelReservation"))
            .Select(r => OtaReservationMapper.Map(r, hotelCode, (string?)payload.Attribute("ResStatus"), request.ReceivedAt))
            .ToList() ?? [];
        if (reservations.Count == 0)
        {
            throw new FormatException("The OTA_HotelResNotifRQ holds no HotelReservation.");
        }

        if (reservations.FirstOrDefault(r => r.Reservation.PropertyId != hotelCode) is { } other)
        {
            throw new FormatException($"A reservation is for hotel {other.Reservation.PropertyId}, not for this endpoint's hotel {hotelCode}.");
        }

        var answer = new SoapEnvelopeContent("OTA_HotelResNotifRS", OtaReservationMessages.PushAccepted((string?)payload.Attribute("EchoToken"), timeProvider.GetUtcNow(), reservations));
        var response = new PmsWebhookResponse(200, answer.Headers.ContentType!.ToString(), answer.ToArray());
        return ValueTask.FromResult(PmsWebhookResult.FromEvents(reservations.Select(r => r.Inbound))
            .WithResponse(response)
            .WithVendorRequestId((string?)payload.Attribute("EchoToken")));
    }

    [LoggerMessage(1, LogLevel.Warning, "SiteMinder push for hotel {HotelId} refused: no Push credentials are configured")]
    private static partial void LogNotConfigured(ILogger logger, string hotelId);

    [LoggerMessage(2, LogLevel.Information, "SiteMinder push for hotel {HotelId} refused: no readable PasswordText UsernameToken")]
    private static partial void LogNoToken(ILogger logger, string hotelId);
}
