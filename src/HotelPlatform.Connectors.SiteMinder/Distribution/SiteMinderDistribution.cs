using HotelPlatform.Connectors.Http;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using HotelPlatform.Connectors.SiteMinder.Soap;
using HotelPlatform.Connectors.SiteMinder.Wire;

namespace HotelPlatform.Connectors.SiteMinder.Distribution;

/// <summary>The hotel's <see cref="ISiteMinderDistribution"/>: deltas against what was last sent, ranges, 2 MB parts, one request in flight.</summary>
internal sealed class SiteMinderDistribution(SiteMinderSoapClient client, TimeProvider timeProvider) : ISiteMinderDistribution
{
    /// <summary>
    /// What a part leaves for the envelope around its ranges: the SOAP envelope, the WS-Security header (credentials of
    /// any sensible length), the message's attributes and POS. Ranges are measured with their own namespace declaration,
    /// which the envelope does not repeat, so parts stay below the limit with room to spare.
    /// </summary>
    internal const int EnvelopeAllowance = 16 * 1024;

    private readonly SemaphoreSlim _oneInFlight = new(1, 1);
    private readonly Dictionary<(RowKey Row, DateOnly Date), string> _sent = [];

    /// <summary>Gets or sets the largest message, in bytes; SiteMinder's 2 MB, lowered only by tests of the splitting.</summary>
    internal int MaxMessageBytes { get; set; } = SiteMinderOptions.MaxMessageBytes;

    public Task<SiteMinderPushResult> PushAvailabilityAsync(IEnumerable<SiteMinderAvailability> availability, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(availability);
        var cells = availability.Select(a =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(a.RoomTypeCode, nameof(availability));
            ArgumentOutOfRangeException.ThrowIfNegative(a.BookingLimit, nameof(availability));
            return new Cell(new RowKey("Availability", a.RoomTypeCode, null), a.Date, a.BookingLimit.ToString(CultureInfo.InvariantCulture));
        }).ToList();
        return PushAsync("OTA_HotelAvailNotifRQ", "AvailStatusMessages", cells, static range =>
            new XElement(Ota.N("AvailStatusMessage"), new XAttribute("BookingLimit", range.Value), Control(range)), cancellationToken);
    }

    public Task<SiteMinderPushResult> PushRestrictionsAsync(IEnumerable<SiteMinderRestriction> restrictions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(restrictions);
        var cells = new List<Cell>();
        foreach (var r in restrictions)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(restrictions));
            ArgumentException.ThrowIfNullOrWhiteSpace(r.RoomTypeCode, nameof(restrictions));
            ArgumentException.ThrowIfNullOrWhiteSpace(r.RatePlanCode, nameof(restrictions));
            Add("Master", r.Closed is { } closed ? OpenOrClose(closed) : null);
            Add("Arrival", r.ClosedToArrival is { } cta ? OpenOrClose(cta) : null);
            Add("Departure", r.ClosedToDeparture is { } ctd ? OpenOrClose(ctd) : null);
            Add("SetMinLOS", Nights(r.MinStay));
            Add("SetMaxLOS", Nights(r.MaxStay));

            void Add(string kind, string? value)
            {
                if (value is not null)
                {
                    cells.Add(new Cell(new RowKey(kind, r.RoomTypeCode, r.RatePlanCode), r.Date, value));
                }
            }
        }

        return PushAsync("OTA_HotelAvailNotifRQ", "AvailStatusMessages", cells, static range =>
            new XElement(Ota.N("AvailStatusMessage"), Control(range), range.Row.Kind switch
            {
                "SetMinLOS" or "SetMaxLOS" => new XElement(Ota.N("LengthsOfStay"),
                    new XElement(Ota.N("LengthOfStay"), new XAttribute("MinMaxMessageType", range.Row.Kind), new XAttribute("Time", range.Value))),
                "Master" => new XElement(Ota.N("RestrictionStatus"), new XAttribute("Status", range.Value)),
                _ => new XElement(Ota.N("RestrictionStatus"), new XAttribute("Restriction", range.Row.Kind), new XAttribute("Status", range.Value)),
            }), cancellationToken);

        static string OpenOrClose(bool closed) => closed ? "Close" : "Open";

        static string? Nights(int? nights) => nights switch
        {
            null => null,
            < 1 => throw new ArgumentOutOfRangeException(nameof(restrictions), nights, "A length of stay is at least one night."),
            _ => nights.Value.ToString(CultureInfo.InvariantCulture),
        };
    }

    public Task<SiteMinderPushResult> PushRatesAsync(IEnumerable<SiteMinderRate> rates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var cells = rates.Select(r =>
        {
            ArgumentNullException.ThrowIfNull(r, nameof(rates));
            ArgumentException.ThrowIfNullOrWhiteSpace(r.RoomTypeCode, nameof(rates));
            ArgumentException.ThrowIfNullOrWhiteSpace(r.RatePlanCode, nameof(rates));
            if (!CurrencyCodes.IsKnown(r.Currency))
            {
                throw new ArgumentException($"'{r.Currency}' is not an ISO 4217 currency; SiteMinder requires one on every rate.", nameof(rates));
            }

            if (r.AmountsByAdults is null || r.AmountsByAdults.Count == 0 || r.AmountsByAdults.Any(a => a.Key is < 1 or > 5 || a.Value < 0))
            {
                throw new ArgumentException("A rate has amounts for 1 to 5 adults, none negative.", nameof(rates));
            }

            var value = new StringBuilder(r.Currency);
            foreach (var (adults, amount) in r.AmountsByAdults.OrderBy(a => a.Key))
            {
                value.Append(CultureInfo.InvariantCulture, $"|{adults}={Ota.Amount(amount)}");
            }

            return new Cell(new RowKey("Rate", r.RoomTypeCode, r.RatePlanCode), r.Date, value.ToString());
        }).ToList();
        return PushAsync("OTA_HotelRateAmountNotifRQ", "RateAmountMessages", cells, static range =>
        {
            var parts = range.Value.Split('|');
            return new XElement(Ota.N("RateAmountMessage"), Control(range),
                new XElement(Ota.N("Rates"),
                    new XElement(Ota.N("Rate"), new XAttribute("CurrencyCode", parts[0]),
                        new XElement(Ota.N("BaseByGuestAmts"), parts.Skip(1).Select(p => p.Split('=')).Select(p =>
                            new XElement(Ota.N("BaseByGuestAmt"), new XAttribute("AmountAfterTax", p[1]), new XAttribute("NumberOfGuests", p[0]), new XAttribute("AgeQualifyingCode", "10")))))));
        }, cancellationToken);
    }

    public void ForgetSent()
    {
        lock (_sent)
        {
            _sent.Clear();
        }
    }

    private static XElement Control(Range range) =>
        new(Ota.N("StatusApplicationControl"),
            new XAttribute("Start", Ota.Date(range.Start)),
            new XAttribute("End", Ota.Date(range.End)),
            new XAttribute("InvTypeCode", range.Row.RoomType),
            range.Row.RatePlan is null ? null : new XAttribute("RatePlanCode", range.Row.RatePlan));

    private async Task<SiteMinderPushResult> PushAsync(string messageName, string containerName, List<Cell> cells, Func<Range, XElement> rangeElement, CancellationToken cancellationToken)
    {
        // SiteMinder: wait for each response before sending the next request for the same hotel.
        await _oneInFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = Pack(Ranges(Changed(cells)), rangeElement);
            var warnings = new List<string>();
            var options = client.Options();
            foreach (var part in parts)
            {
                var message = Ota.Message(messageName, timeProvider.GetUtcNow()).With(
                    Ota.Pos(options.RequestorId),
                    new XElement(Ota.N(containerName), new XAttribute("HotelCode", options.PropertyId), part.Elements));
                XElement answer;
                using (PmsOperation.Begin(messageName == "OTA_HotelRateAmountNotifRQ" ? "PushRates" : "PushAvailability", PmsOperationIntent.IdempotentWrite))
                {
                    answer = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                }

                warnings.AddRange(answer.Element(Ota.N("Warnings"))?.Elements(Ota.N("Warning")).Select(w => (string?)w.Attribute("ShortText") ?? w.Value) ?? []);
                lock (_sent)
                {
                    foreach (var range in part.Ranges)
                    {
                        for (var date = range.Start; date <= range.End; date = date.AddDays(1))
                        {
                            _sent[(range.Row, date)] = range.Value;
                        }
                    }
                }
            }

            return new SiteMinderPushResult(parts.Count, parts.Sum(p => p.Ranges.Count), warnings);
        }
        finally
        {
            _oneInFlight.Release();
        }
    }

    /// <summary>The cells whose value differs from what was last sent; of a cell given twice, the last counts.</summary>
    private List<Cell> Changed(List<Cell> cells)
    {
        lock (_sent)
        {
            return [.. cells.GroupBy(c => (c.Row, c.Date)).Select(g => g.Last())
                .Where(c => !_sent.TryGetValue((c.Row, c.Date), out var sent) || sent != c.Value)];
        }
    }

    /// <summary>Consecutive nights of one row with equal values, as one range each (SiteMinder: bundle them, no overlaps).</summary>
    private static List<Range> Ranges(List<Cell> cells) =>
        [.. cells.GroupBy(c => c.Row).SelectMany(row =>
            PmsNightRuns.Split(row.OrderBy(c => c.Date), c => c.Date, (a, b) => a.Value == b.Value)
                .Select(run => new Range(row.Key, run[0].Date, run[^1].Date, run[0].Value)))];

    /// <summary>Fills parts up to the message limit, each range whole, in order.</summary>
    private List<Part> Pack(List<Range> ranges, Func<Range, XElement> rangeElement)
    {
        int budget = MaxMessageBytes - EnvelopeAllowance;
        var parts = new List<Part>();
        Part? current = null;
        int size = 0;
        foreach (var range in ranges)
        {
            var element = rangeElement(range);
            int bytes = Encoding.UTF8.GetByteCount(element.ToString(SaveOptions.DisableFormatting));
            if (current is null || size + bytes > budget)
            {
                current = new Part([], []);
                parts.Add(current);
                size = 0;
            }

            current.Ranges.Add(range);
            current.Elements.Add(element);
            size += bytes;
        }

        return parts;
    }

    private readonly record struct RowKey(string Kind, string RoomType, string? RatePlan);

    private sealed record Cell(RowKey Row, DateOnly Date, string Value);

    private sealed record Range(RowKey Row, DateOnly Start, DateOnly End, string Value);

    private sealed record Part(List<Range> Ranges, List<XElement> Elements);
}
