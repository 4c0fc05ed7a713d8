using System.Globalization;

namespace HotelPlatform.Connectors.Simulators.SiteMinder.Wire;

/// <summary>
/// The strict models of the messages a PMS sends to pmsXchange, written from SiteMinder's pmsXchange documentation
/// (vendor research §3.2–3.5) within the OTA 2015B element names: every request carries <c>EchoToken</c>,
/// <c>TimeStamp</c> and <c>Version="1.0"</c>; those with a <c>POS</c> name the PMS as <c>RequestorID @Type="22"</c>.
/// </summary>
internal static class PmsXchangeModels
{
    private static readonly string[] StandardAttributes = ["EchoToken", "TimeStamp", "Version"];

    private static readonly string[] OptionalStandard = ["Target", "PrimaryLangID", "AltLangID", "SequenceNmbr"];

    private static readonly string[] DayFlags = ["Mon", "Tue", "Weds", "Thur", "Fri", "Sat", "Sun"];

    public static IReadOnlyDictionary<string, OtaShape> Requests { get; } = new Dictionary<string, OtaShape>
    {
        ["OTA_PingRQ"] = Message("OTA_PingRQ", requiredChildren: ["EchoData"], new OtaShape("EchoData") { Text = true }),
        ["OTA_ReadRQ"] = Message(
            "OTA_ReadRQ",
            requiredChildren: ["POS", "ReadRequests"],
            Pos(),
            new OtaShape("ReadRequests", null, null,
                new OtaShape("HotelReadRequest", ["HotelCode"], null,
                    new OtaShape("SelectionCriteria", ["SelectionType"], ["ResStatus"])
                    {
                        Values =
                        {
                            ["SelectionType"] = v => v == "Undelivered" ? null : $"'{v}' is not used by pmsXchange; only Undelivered is.",
                            ["ResStatus"] = ResStatus,
                        },
                    })
                { RequiredChildren = ["SelectionCriteria"] })
            { RequiredChildren = ["HotelReadRequest"] }),
        ["OTA_NotifReportRQ"] = Message(
            "OTA_NotifReportRQ",
            requiredChildren: ["NotifDetails"],
            new OtaShape("Success"),
            Errors(),
            new OtaShape("NotifDetails", null, null,
                new OtaShape("HotelNotifReport", null, null,
                    new OtaShape("HotelReservations", null, null,
                        new OtaShape("HotelReservation", ["ResStatus"], ["CreateDateTime", "LastModifyDateTime"],
                            new OtaShape("UniqueID", ["Type", "ID"], ["ID_Context"]) { Values = { ["Type"] = v => v == "16" ? null : "the message id is confirmed as Type 16." } },
                            new OtaShape("ResGlobalInfo", null, null,
                                new OtaShape("HotelReservationIDs", null, null,
                                    new OtaShape("HotelReservationID", ["ResID_Type", "ResID_Value"], null))
                                { RequiredChildren = ["HotelReservationID"], Repeated = ["HotelReservationID"] },
                                new OtaShape("BasicPropertyInfo", ["HotelCode"], null))
                            { RequiredChildren = ["HotelReservationIDs"] })
                        {
                            RequiredChildren = ["UniqueID"],
                            Values = { ["ResStatus"] = ResStatus, ["CreateDateTime"] = Instant, ["LastModifyDateTime"] = Instant },
                        })
                    { RequiredChildren = ["HotelReservation"], Repeated = ["HotelReservation"] })
                { RequiredChildren = ["HotelReservations"] })
            { RequiredChildren = ["HotelNotifReport"] }) with { OneOf = [["Success", "Errors"]] },
        ["OTA_HotelAvailNotifRQ"] = Message(
            "OTA_HotelAvailNotifRQ",
            requiredChildren: ["POS", "AvailStatusMessages"],
            Pos(),
            new OtaShape("AvailStatusMessages", ["HotelCode"], null,
                new OtaShape("AvailStatusMessage", null, ["BookingLimit"],
                    Control(ratePlanRequired: false),
                    new OtaShape("LengthsOfStay", null, null,
                        new OtaShape("LengthOfStay", ["MinMaxMessageType", "Time"], ["TimeUnit"])
                        {
                            Values =
                            {
                                ["MinMaxMessageType"] = v => v is "SetMinLOS" or "SetMaxLOS" or "SetForwardMinStay" or "SetForwardMaxStay" ? null : $"'{v}' is not a length-of-stay type pmsXchange knows.",
                                ["Time"] = v => Integer(v, 1, 999),
                                ["TimeUnit"] = v => v == "Day" ? null : "only Day.",
                            },
                        })
                    { RequiredChildren = ["LengthOfStay"], Repeated = ["LengthOfStay"] },
                    new OtaShape("RestrictionStatus", ["Status"], ["Restriction"])
                    {
                        Values =
                        {
                            ["Status"] = v => v is "Open" or "Close" ? null : $"'{v}' is neither Open nor Close.",
                            ["Restriction"] = v => v is "Arrival" or "Departure" ? null : $"'{v}' is neither Arrival nor Departure.",
                        },
                    })
                { RequiredChildren = ["StatusApplicationControl"], Values = { ["BookingLimit"] = v => Integer(v, 0, 99999) } })
            { RequiredChildren = ["AvailStatusMessage"], Repeated = ["AvailStatusMessage"] }),
        ["OTA_HotelRateAmountNotifRQ"] = Message(
            "OTA_HotelRateAmountNotifRQ",
            requiredChildren: ["POS", "RateAmountMessages"],
            Pos(),
            new OtaShape("RateAmountMessages", ["HotelCode"], null,
                new OtaShape("RateAmountMessage", null, null,
                    Control(ratePlanRequired: true),
                    new OtaShape("Rates", null, null,
                        new OtaShape("Rate", ["CurrencyCode"], ["Start", "End", .. DayFlags],
                            new OtaShape("BaseByGuestAmts", null, null,
                                new OtaShape("BaseByGuestAmt", ["NumberOfGuests", "AgeQualifyingCode"], ["AmountAfterTax", "AmountBeforeTax", "CurrencyCode"])
                                {
                                    Values =
                                    {
                                        ["NumberOfGuests"] = v => Integer(v, 1, 5),
                                        ["AgeQualifyingCode"] = v => v == "10" ? null : "base amounts are for adults (10).",
                                        ["AmountAfterTax"] = Amount,
                                        ["AmountBeforeTax"] = Amount,
                                    },
                                })
                            { RequiredChildren = ["BaseByGuestAmt"], Repeated = ["BaseByGuestAmt"] },
                            new OtaShape("AdditionalGuestAmounts", null, null,
                                new OtaShape("AdditionalGuestAmount", ["AgeQualifyingCode", "Amount"], null) { Values = { ["Amount"] = Amount } })
                            { RequiredChildren = ["AdditionalGuestAmount"], Repeated = ["AdditionalGuestAmount"] })
                        {
                            RequiredChildren = ["BaseByGuestAmts"],
                            Values = { ["CurrencyCode"] = v => v.Length == 3 && v.All(char.IsAsciiLetterUpper) ? null : $"'{v}' is not an ISO 4217 code.", ["Start"] = Date, ["End"] = Date },
                        })
                    { RequiredChildren = ["Rate"], Repeated = ["Rate"] })
                { RequiredChildren = ["StatusApplicationControl", "Rates"] })
            { RequiredChildren = ["RateAmountMessage"], Repeated = ["RateAmountMessage"] }),
    };

    private static OtaShape Message(string name, string[] requiredChildren, params OtaShape[] children) =>
        new(name, StandardAttributes, OptionalStandard, children)
        {
            RequiredChildren = [.. requiredChildren],
            Values =
            {
                ["Version"] = v => v == "1.0" ? null : $"'{v}': pmsXchange messages carry Version=\"1.0\".",
                ["TimeStamp"] = Instant,
                ["EchoToken"] = v => v.Length is >= 1 and <= 128 ? null : "1 to 128 characters.",
            },
        };

    private static OtaShape Pos() =>
        new("POS", null, null,
            new OtaShape("Source", null, null,
                new OtaShape("RequestorID", ["Type", "ID"], ["ID_Context"]) { Values = { ["Type"] = v => v == "22" ? null : "a PMS is RequestorID Type 22." } })
            { RequiredChildren = ["RequestorID"] })
        { RequiredChildren = ["Source"] };

    private static OtaShape Errors() =>
        new("Errors", null, null, new OtaShape("Error", ["Type"], ["Code", "ShortText"]) { Text = true }) { RequiredChildren = ["Error"], Repeated = ["Error"] };

    private static OtaShape Control(bool ratePlanRequired) =>
        new("StatusApplicationControl", ratePlanRequired ? ["Start", "End", "InvTypeCode", "RatePlanCode"] : ["Start", "End", "InvTypeCode"], ratePlanRequired ? DayFlags : ["RatePlanCode", .. DayFlags])
        {
            Values = DayFlags.ToDictionary(d => d, _ => (Func<string, string?>)(v => v is "0" or "1" or "true" or "false" ? null : "a day flag is 0 or 1."))
                .Concat([new("Start", Date), new("End", Date)]).ToDictionary(),
        };

    private static string? ResStatus(string value) => value is "Book" or "Modify" or "Cancel" ? null : $"'{value}' is not Book, Modify or Cancel.";

    private static string? Instant(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : $"'{value}' is not an xs:dateTime.";

    private static string? Date(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : $"'{value}' is not a yyyy-MM-dd date.";

    private static string? Integer(string value, int minimum, int maximum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= minimum && n <= maximum ? null : $"'{value}' is not a whole number from {minimum} to {maximum}.";

    private static string? Amount(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not a non-negative decimal amount.";
}
