using System.Globalization;
using System.Xml.Linq;

namespace HotelPlatform.Connectors.SiteMinder.Wire;

/// <summary>
/// The parts every pmsXchange request shares: the OTA 2003/05 namespace, the payload attributes SiteMinder requires
/// (<c>EchoToken</c> unique per message, <c>TimeStamp</c>, <c>Version="1.0"</c>) and
/// <c>POS/Source/RequestorID @Type="22" @ID=&lt;PMS code&gt;</c>.
/// </summary>
internal static class Ota
{
    /// <summary>The OTA namespace of every pmsXchange message.</summary>
    public const string NamespaceName = "http://www.opentravel.org/OTA/2003/05";

    /// <summary>The <c>Version</c> pmsXchange messages carry.</summary>
    public const string Version = "1.0";

    /// <summary>The <c>RequestorID @Type</c> of a PMS (OTA code list UIT 22: ERSP).</summary>
    public const string RequestorType = "22";

    /// <summary>The <c>UniqueID @Type</c> of the channel's booking reference (OTA UIT 14: reservation).</summary>
    public const string ChannelReferenceType = "14";

    /// <summary>The <c>UniqueID @Type</c> of SiteMinder's message id (OTA UIT 16: reference), with <c>ID_Context="MESSAGE_UNIQUE_ID"</c>.</summary>
    public const string MessageIdType = "16";

    public static readonly XNamespace Ns = NamespaceName;

    public static XName N(string localName) => Ns + localName;

    /// <summary>Starts a request with its standard attributes.</summary>
    /// <param name="name">The message name, such as <c>OTA_ReadRQ</c>.</param>
    /// <param name="now">The time stamp.</param>
    /// <param name="echoToken">The echo token; a new GUID when <see langword="null"/>.</param>
    /// <returns>The root element.</returns>
    public static XElement Message(string name, DateTimeOffset now, string? echoToken = null) =>
        new(
            N(name),
            new XAttribute("EchoToken", echoToken ?? Guid.NewGuid().ToString("D")),
            new XAttribute("TimeStamp", now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)),
            new XAttribute("Version", Version));

    /// <summary>The <c>POS</c> naming the PMS.</summary>
    /// <param name="requestorId">The PMS code SiteMinder assigned.</param>
    /// <returns>The element.</returns>
    public static XElement Pos(string requestorId) =>
        new(N("POS"), new XElement(N("Source"), new XElement(N("RequestorID"), new XAttribute("Type", RequestorType), new XAttribute("ID", requestorId))));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>Adds content to an element and returns it, so a message reads as one expression.</summary>
    /// <param name="element">The element.</param>
    /// <param name="content">The content; <see langword="null"/> items are skipped.</param>
    /// <returns>The element.</returns>
    public static XElement With(this XElement element, params object?[] content)
    {
        element.Add(content);
        return element;
    }
}
