using System.Globalization;
using System.Xml.Linq;
using HotelPlatform.Connectors.Simulators.SiteMinder.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.SiteMinder;

/// <summary>
/// A pmsXchange endpoint (<c>POST /webservices/{RequestorID}</c>, SOAP 1.1): <c>OTA_PingRQ</c>, the reservations pull
/// (<c>OTA_ReadRQ</c> → <c>OTA_ResRetrieveRS</c>) and its confirmation (<c>OTA_NotifReportRQ</c>), and the ARI pushes
/// (<c>OTA_HotelAvailNotifRQ</c>, <c>OTA_HotelRateAmountNotifRQ</c>).
/// </summary>
/// <remarks>
/// <para>
/// Every request needs the WS-Security UsernameToken of <see cref="SiteMinderSimulatorOptions"/> with a PasswordText
/// password, else the answer is the message's RS with error 448 "Invalid Username and/or Password". The message is read
/// into strict pmsXchange models (<c>EchoToken</c>, <c>TimeStamp</c>, <c>Version="1.0"</c>, <c>RequestorID Type 22</c>, the
/// elements SiteMinder documents and no others): a mismatch is refused with 400 and recorded in
/// <see cref="VendorSimulator.ValidationFailures"/>. A body over 2 MB is refused with a SOAP Fault "Payload too large".
/// </para>
/// <para>
/// Reservations wait in a queue (<see cref="SiteMinderSimulatorOptions.SeededBookings"/> seeded, more with
/// <see cref="QueueBooking"/>, <see cref="QueueModification"/> and <see cref="QueueCancellation"/>); every
/// <c>OTA_ReadRQ</c> delivers all that are not confirmed, again and again, until an <c>OTA_NotifReportRQ</c> with
/// <c>Success</c> names their message id. ARI pushes are kept in <see cref="AriPushes"/>; how many requests for the hotel
/// were ever in flight at once is <see cref="MaxConcurrentRequests"/>.
/// </para>
/// </remarks>
public sealed class SiteMinderSimulator : VendorSimulator
{
    /// <summary>The largest SOAP request accepted (2 MB).</summary>
    public const int MaxMessageBytes = 2 * 1024 * 1024;

    private static readonly XNamespace Soap = SoapBodyReader.EnvelopeNamespace;

    private readonly object _gate = new();
    private readonly List<QueuedMessage> _queue = [];
    private readonly SoapBodyReader _reader = new() { MaxBodyBytes = MaxMessageBytes };
    private int _inFlight;
    private int _maxInFlight;
    private int _nextMessage;

    /// <summary>Initializes a new instance of the <see cref="SiteMinderSimulator"/> class.</summary>
    /// <param name="options">The shared simulator settings (clock, seed, port); defaults when omitted.</param>
    /// <param name="siteMinderOptions">The SiteMinder settings; defaults when omitted.</param>
    public SiteMinderSimulator(SimulatorOptions? options = null, SiteMinderSimulatorOptions? siteMinderOptions = null)
        : base(options)
    {
        SiteMinderOptions = siteMinderOptions ?? new SiteMinderSimulatorOptions();
        SiteMinderOptions.Validate();
        Seed();
    }

    /// <inheritdoc />
    public override string Vendor => "siteminder";

    /// <summary>Gets the SiteMinder settings.</summary>
    public SiteMinderSimulatorOptions SiteMinderOptions { get; }

    /// <summary>Gets the endpoint path, <c>/webservices/{RequestorID}</c>.</summary>
    public string EndpointPath => $"/webservices/{SiteMinderOptions.RequestorId}";

    /// <summary>Gets the endpoint's address (after <see cref="VendorSimulator.StartAsync"/>).</summary>
    public Uri EndpointAddress => new(BaseAddress, EndpointPath);

    /// <summary>Gets every ARI push accepted, in order.</summary>
    public SimulatorLog<SiteMinderAriPush> AriPushes { get; } = new();

    /// <summary>Gets the most requests that were ever being answered at once (pmsXchange wants one at a time per hotel).</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>Gets a snapshot of every reservation message, in queue order.</summary>
    public IReadOnlyList<SiteMinderQueuedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _queue.Select(q => q.Snapshot())];
            }
        }
    }

    /// <summary>Queues a new channel booking (<c>ResStatus="Book"</c>), undelivered.</summary>
    /// <param name="reservation">The booking.</param>
    /// <returns>The message id.</returns>
    public string QueueBooking(SiteMinderChannelReservation reservation) => Queue("Book", reservation);

    /// <summary>Queues a modification of a channel booking (<c>ResStatus="Modify"</c>) with its new content.</summary>
    /// <param name="reservation">The booking as modified; its <see cref="SiteMinderChannelReservation.ChannelReference"/> names it.</param>
    /// <returns>The message id.</returns>
    public string QueueModification(SiteMinderChannelReservation reservation) => Queue("Modify", reservation);

    /// <summary>Queues the cancellation of a booking queued before (<c>ResStatus="Cancel"</c>).</summary>
    /// <param name="channelReference">The channel's booking reference.</param>
    /// <returns>The message id.</returns>
    /// <exception cref="ArgumentException">No booking with that reference was queued.</exception>
    public string QueueCancellation(string channelReference)
    {
        SiteMinderChannelReservation last;
        lock (_gate)
        {
            last = _queue.LastOrDefault(q => q.Reservation.ChannelReference == channelReference)?.Reservation
                ?? throw new ArgumentException($"No booking '{channelReference}' was queued.", nameof(channelReference));
        }

        return Queue("Cancel", last);
    }

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/webservices/{requestorId}", HandleAsync);

        // pmsXchange: "a browser GET is answered 405; use OTA_PingRQ to test".
        routes.MapGet("/webservices/{requestorId}", () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
    }

    /// <inheritdoc />
    protected override void OnReset()
    {
        lock (_gate)
        {
            _queue.Clear();
            _nextMessage = 0;
        }

        AriPushes.Clear();
        Volatile.Write(ref _maxInFlight, 0);
        Seed();
    }

    private async Task<IResult> HandleAsync(HttpContext context, string requestorId)
    {
        int now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            return await AnswerAsync(context, requestorId).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<IResult> AnswerAsync(HttpContext context, string requestorId)
    {
        if (context.Request.ContentLength > MaxMessageBytes)
        {
            return Fault("Client", "Payload too large");
        }

        if (requestorId != SiteMinderOptions.RequestorId)
        {
            return Results.NotFound();
        }

        var read = await Validation.ReadBodyAsync(context, _reader).ConfigureAwait(false);
        if (!read.IsValid)
        {
            return read.Rejection;
        }

        var envelope = read.Value;
        var body = envelope.Body;
        string name = body.Name.LocalName;
        if (body.Name.Namespace != OtaNames.Ns || !PmsXchangeModels.Requests.TryGetValue(name, out var shape))
        {
            return Validation.Reject(context, "soap:Body", $"{body.Name} is not a message pmsXchange accepts from a PMS (OTA_PingRQ, OTA_ReadRQ, OTA_NotifReportRQ, OTA_HotelAvailNotifRQ, OTA_HotelRateAmountNotifRQ in the OTA namespace).");
        }

        string responseName = name == "OTA_ReadRQ" ? "OTA_ResRetrieveRS" : name[..^2] + "RS";
        string? echo = (string?)body.Attribute("EchoToken");
        if (envelope.UsernameToken is not { } token || token.PasswordType != SoapUsernameToken.PasswordText
            || token.Username != SiteMinderOptions.Username || token.Password != SiteMinderOptions.Password)
        {
            return Error(responseName, echo, "4", "448", "Invalid Username and/or Password");
        }

        var violations = new List<string>();
        shape.Check(body, name, violations);
        if (body.Element(OtaNames.N("POS"))?.Element(OtaNames.N("Source"))?.Element(OtaNames.N("RequestorID")) is { } requestor && (string?)requestor.Attribute("ID") != SiteMinderOptions.RequestorId)
        {
            violations.Add($"{name}/POS/Source/RequestorID/@ID: '{(string?)requestor.Attribute("ID")}' is not the PMS code of this endpoint.");
        }

        if (violations.Count > 0)
        {
            return Validation.Reject(context, violations.Select(v => new ValidationViolation(v[..v.IndexOf(':', StringComparison.Ordinal)], v[(v.IndexOf(':', StringComparison.Ordinal) + 2)..])));
        }

        return name switch
        {
            "OTA_PingRQ" => Success(responseName, echo, new XElement(OtaNames.N("EchoData"), body.Element(OtaNames.N("EchoData"))!.Value)),
            "OTA_ReadRQ" => Read(body, echo),
            "OTA_NotifReportRQ" => Confirm(body, echo),
            _ => AcceptAri(body, name, responseName, echo, context.Request.ContentLength ?? 0),
        };
    }

    private IResult Read(XElement request, string? echo)
    {
        string hotelCode = (string)request.Descendants(OtaNames.N("HotelReadRequest")).First().Attribute("HotelCode")!;
        if (hotelCode != SiteMinderOptions.HotelCode)
        {
            return Error("OTA_ResRetrieveRS", echo, "6", "392", $"Hotel not found for HotelCode={hotelCode}");
        }

        string? onlyStatus = (string?)request.Descendants(OtaNames.N("SelectionCriteria")).First().Attribute("ResStatus");
        List<XElement> reservations;
        lock (_gate)
        {
            var due = _queue.Where(q => q.ConfirmedAt is null && (onlyStatus is null || q.ResStatus == onlyStatus)).ToList();
            foreach (var message in due)
            {
                message.DeliveryAttempts++;
            }

            reservations = [.. due.Select(ToOta)];
        }

        return Success("OTA_ResRetrieveRS", echo, reservations.Count == 0 ? null : new XElement(OtaNames.N("ReservationsList"), reservations));
    }

    private IResult Confirm(XElement request, string? echo)
    {
        // Errors: the PMS reports reservations it could not process; SiteMinder stops delivering them and alerts the hotel.
        string? refusal = request.Element(OtaNames.N("Errors"))?.Element(OtaNames.N("Error"))?.Value;
        var now = TimeProvider.GetUtcNow();
        lock (_gate)
        {
            foreach (var confirmation in request.Descendants(OtaNames.N("HotelReservation")))
            {
                string messageId = (string)confirmation.Element(OtaNames.N("UniqueID"))!.Attribute("ID")!;
                var message = _queue.FirstOrDefault(q => q.MessageId == messageId);
                if (message is null)
                {
                    return Error("OTA_NotifReportRS", echo, "3", "450", $"Unable to process: no reservation message {messageId}.");
                }

                message.ConfirmedAt ??= now;
                message.ReportedError = refusal;
                message.PmsReservationId = (string?)confirmation.Descendants(OtaNames.N("HotelReservationID")).First().Attribute("ResID_Value");
            }
        }

        return Success("OTA_NotifReportRS", echo);
    }

    private IResult AcceptAri(XElement request, string name, string responseName, string? echo, long bytes)
    {
        var container = request.Elements().Single(e => e.Name.LocalName.EndsWith("Messages", StringComparison.Ordinal));
        string hotelCode = (string)container.Attribute("HotelCode")!;
        if (hotelCode != SiteMinderOptions.HotelCode)
        {
            return Error(responseName, echo, "6", "392", $"Hotel not found for HotelCode={hotelCode}");
        }

        var controls = container.Descendants(OtaNames.N("StatusApplicationControl")).ToList();
        if (controls.FirstOrDefault(c => !SiteMinderOptions.RoomTypeCodes.Contains((string)c.Attribute("InvTypeCode")!)) is { } room)
        {
            return Error(responseName, echo, "6", "402", $"Room type code not found for this hotel: {(string?)room.Attribute("InvTypeCode")}");
        }

        if (controls.FirstOrDefault(c => c.Attribute("RatePlanCode") is { } rate && !SiteMinderOptions.RatePlanCodes.Contains(rate.Value)) is { } plan)
        {
            return Error(responseName, echo, "6", "249", $"Rate code not found for this hotel: {(string?)plan.Attribute("RatePlanCode")}");
        }

        if (name == "OTA_HotelAvailNotifRQ")
        {
            var messages = container.Elements(OtaNames.N("AvailStatusMessage")).ToList();
            bool availability = messages.Any(m => m.Attribute("BookingLimit") is not null);
            bool restrictions = messages.Any(m => m.Element(OtaNames.N("RestrictionStatus")) is not null || m.Element(OtaNames.N("LengthsOfStay")) is not null);
            if (availability && restrictions)
            {
                return Error(responseName, echo, "3", "450", "Unable to process: availability and restrictions must be sent in separate requests.");
            }

            if (messages.FirstOrDefault(m => m.Element(OtaNames.N("RestrictionStatus")) is not null || m.Element(OtaNames.N("LengthsOfStay")) is not null) is { } restriction
                && restriction.Element(OtaNames.N("StatusApplicationControl"))!.Attribute("RatePlanCode") is null)
            {
                return Error(responseName, echo, "10", "321", "Required field missing: restrictions need a RatePlanCode.");
            }
        }

        AriPushes.Add(new SiteMinderAriPush(name, hotelCode, bytes, new XElement(request), TimeProvider.GetUtcNow()));
        return Success(responseName, echo);
    }

    private string Queue(string status, SiteMinderChannelReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentException.ThrowIfNullOrWhiteSpace(reservation.ChannelReference);
        if (reservation.Departure <= reservation.Arrival)
        {
            throw new ArgumentException("The departure is after the arrival.", nameof(reservation));
        }

        lock (_gate)
        {
            string id = $"SM-{++_nextMessage:D6}-{Random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture)}";
            _queue.Add(new QueuedMessage(id, status, reservation, TimeProvider.GetUtcNow()));
            return id;
        }
    }

    private void Seed()
    {
        var today = DateOnly.FromDateTime(TimeProvider.GetUtcNow().UtcDateTime);
        string[] surnames = ["Nguyen", "Smith", "Garcia", "Müller", "Okafor"];
        for (int i = 0; i < SiteMinderOptions.SeededBookings; i++)
        {
            var arrival = today.AddDays(7 + (i * 3));
            Queue("Book", new SiteMinderChannelReservation(
                $"EXP-SEED-{i + 1:D3}",
                SiteMinderOptions.RoomTypeCodes[i % SiteMinderOptions.RoomTypeCodes.Count],
                SiteMinderOptions.RatePlanCodes[0],
                arrival,
                arrival.AddDays(2),
                surnames[i % surnames.Length])
            {
                GuestFirstName = "Seeded",
                GuestEmail = $"seeded.guest{i + 1}@example.com",
                Adults = 2,
            });
        }
    }

    private XElement ToOta(QueuedMessage message)
    {
        var r = message.Reservation;
        string currency = r.Currency ?? SiteMinderOptions.Currency;
        var at = message.QueuedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        int nights = r.Departure.DayNumber - r.Arrival.DayNumber;
        return new XElement(
            OtaNames.N("HotelReservation"),
            new XAttribute(message.ResStatus == "Book" ? "CreateDateTime" : "LastModifyDateTime", at),
            new XAttribute("ResStatus", message.ResStatus),
            new XElement(OtaNames.N("POS"), new XElement(OtaNames.N("Source"),
                new XElement(OtaNames.N("RequestorID"), new XAttribute("Type", "22"), new XAttribute("ID", "SITEMINDER")),
                new XElement(OtaNames.N("BookingChannel"), new XAttribute("Primary", "true"), new XAttribute("Type", "7"),
                    new XElement(OtaNames.N("CompanyName"), new XAttribute("Code", r.ChannelCode), r.ChannelCode)))),
            new XElement(OtaNames.N("UniqueID"), new XAttribute("Type", "14"), new XAttribute("ID", r.ChannelReference)),
            new XElement(OtaNames.N("UniqueID"), new XAttribute("Type", "16"), new XAttribute("ID", message.MessageId), new XAttribute("ID_Context", "MESSAGE_UNIQUE_ID")),
            new XElement(OtaNames.N("RoomStays"), new XElement(OtaNames.N("RoomStay"),
                new XElement(OtaNames.N("RoomTypes"), new XElement(OtaNames.N("RoomType"), new XAttribute("RoomTypeCode", r.RoomTypeCode))),
                new XElement(OtaNames.N("RatePlans"), new XElement(OtaNames.N("RatePlan"), new XAttribute("RatePlanCode", r.RatePlanCode))),
                new XElement(OtaNames.N("RoomRates"), new XElement(OtaNames.N("RoomRate"), new XAttribute("RoomTypeCode", r.RoomTypeCode), new XAttribute("RatePlanCode", r.RatePlanCode), new XAttribute("NumberOfUnits", "1"),
                    new XElement(OtaNames.N("Rates"), Enumerable.Range(0, nights).Select(n => new XElement(OtaNames.N("Rate"),
                        new XAttribute("EffectiveDate", r.Arrival.AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        new XAttribute("ExpireDate", r.Arrival.AddDays(n + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        new XAttribute("UnitMultiplier", "1"),
                        new XElement(OtaNames.N("Base"), new XAttribute("AmountAfterTax", Amount(r.NightlyAmount)), new XAttribute("CurrencyCode", currency))))))),
                new XElement(OtaNames.N("GuestCounts"), new XElement(OtaNames.N("GuestCount"), new XAttribute("AgeQualifyingCode", "10"), new XAttribute("Count", r.Adults))),
                new XElement(OtaNames.N("TimeSpan"), new XAttribute("Start", r.Arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new XAttribute("End", r.Departure.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                new XElement(OtaNames.N("Total"), new XAttribute("AmountAfterTax", Amount(r.NightlyAmount * nights)), new XAttribute("CurrencyCode", currency)),
                new XElement(OtaNames.N("BasicPropertyInfo"), new XAttribute("HotelCode", SiteMinderOptions.HotelCode)),
                r.Comment is null ? null : new XElement(OtaNames.N("Comments"), new XElement(OtaNames.N("Comment"), new XElement(OtaNames.N("Text"), r.Comment))))),
            new XElement(OtaNames.N("ResGuests"), new XElement(OtaNames.N("ResGuest"), new XElement(OtaNames.N("Profiles"), new XElement(OtaNames.N("ProfileInfo"),
                new XElement(OtaNames.N("Profile"), new XAttribute("ProfileType", "1"), new XElement(OtaNames.N("Customer"),
                    new XElement(OtaNames.N("PersonName"), r.GuestFirstName is null ? null : new XElement(OtaNames.N("GivenName"), r.GuestFirstName), new XElement(OtaNames.N("Surname"), r.GuestLastName)),
                    r.GuestEmail is null ? null : new XElement(OtaNames.N("Email"), r.GuestEmail))))))),
            new XElement(OtaNames.N("ResGlobalInfo"), new XElement(OtaNames.N("Total"), new XAttribute("AmountAfterTax", Amount(r.NightlyAmount * nights)), new XAttribute("CurrencyCode", currency))));
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private XElement Rs(string name, string? echo) =>
        new(OtaNames.N(name),
            echo is null ? null : new XAttribute("EchoToken", echo),
            new XAttribute("TimeStamp", TimeProvider.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)),
            new XAttribute("Version", "1.0"));

    private IResult Success(string name, string? echo, params object?[] content) =>
        Envelope(Rs(name, echo).With(new XElement(OtaNames.N("Success")), content), StatusCodes.Status200OK);

    private IResult Error(string name, string? echo, string type, string code, string text) =>
        Envelope(Rs(name, echo).With(new XElement(OtaNames.N("Errors"), new XElement(OtaNames.N("Error"), new XAttribute("Type", type), new XAttribute("Code", code), text))), StatusCodes.Status200OK);

    private static IResult Fault(string code, string reason) =>
        Envelope(new XElement(Soap + "Fault", new XElement("faultcode", $"SOAP-ENV:{code}"), new XElement("faultstring", reason)), StatusCodes.Status500InternalServerError);

    /// <summary>An envelope with the empty <c>SOAP-ENV:Header</c> pmsXchange answers with.</summary>
    private static IResult Envelope(XElement payload, int status) =>
        Results.Text(
            new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "SOAP-ENV", Soap.NamespaceName), new XElement(Soap + "Header"), new XElement(Soap + "Body", payload))
                .ToString(SaveOptions.DisableFormatting),
            "text/xml; charset=utf-8",
            System.Text.Encoding.UTF8,
            status);

    private sealed class QueuedMessage(string messageId, string resStatus, SiteMinderChannelReservation reservation, DateTimeOffset queuedAt)
    {
        public string MessageId { get; } = messageId;

        public string ResStatus { get; } = resStatus;

        public SiteMinderChannelReservation Reservation { get; } = reservation;

        public DateTimeOffset QueuedAt { get; } = queuedAt;

        public int DeliveryAttempts { get; set; }

        public DateTimeOffset? ConfirmedAt { get; set; }

        public string? PmsReservationId { get; set; }

        public string? ReportedError { get; set; }

        public SiteMinderQueuedMessage Snapshot() => new(MessageId, ResStatus, Reservation, QueuedAt, DeliveryAttempts, ConfirmedAt, PmsReservationId) { ReportedError = ReportedError };
    }
}

internal static class XElementExtensions
{
    public static XElement With(this XElement element, params object?[] content)
    {
        element.Add(content);
        return element;
    }
}
