using System.Net;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;
using System.Xml.Linq;

namespace HotelPlatform.Connectors.SiteMinder.Soap;

/// <summary>
/// A SOAP 1.1 request body: the OTA message, wrapped in an envelope by WCF's own SOAP 1.1 text encoder (the one
/// <see cref="BasicHttpBinding"/> uses: UTF-8, <c>text/xml; charset=utf-8</c>, one line as SiteMinder asks). The
/// WS-Security header is added by <see cref="SiteMinderUsernameTokenAuthenticator"/> through the runtime's credentials
/// seam just before the request is sent, so credentials never pass through the connector's own code (ADR 0019).
/// </summary>
internal sealed class SoapEnvelopeContent : HttpContent
{
    /// <summary>The SOAP 1.1 text encoder of <see cref="BasicHttpBinding"/>.</summary>
    private static readonly MessageEncoder Encoder = new BasicHttpBinding().CreateBindingElements().Find<MessageEncodingBindingElement>()!
        .CreateMessageEncoderFactory().Encoder;

    private readonly XElement _body;
    private readonly string _action;
    private byte[]? _bytes;
    private UsernameTokenHeader? _security;

    public SoapEnvelopeContent(string action, XElement body)
    {
        _action = action;
        _body = body;
        Headers.TryAddWithoutValidation("Content-Type", Encoder.ContentType);
    }

    /// <summary>Gets the OTA message inside the body.</summary>
    public XElement Body => _body;

    /// <summary>Gets the SOAP action (the OTA message name).</summary>
    public string Action => _action;

    /// <summary>Sets the <c>wsse:Security</c> header; a retried request is re-authenticated with the same (or renewed) credentials.</summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password, sent as PasswordText.</param>
    public void SetUsernameToken(string username, string password)
    {
        if (_security is { } current && current.Username == username && current.Password == password)
        {
            return;
        }

        _security = new UsernameTokenHeader(username, password);
        _bytes = null;
    }

    /// <summary>Gets the envelope as it is sent.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray()
    {
        if (_bytes is { } bytes)
        {
            return bytes;
        }

        using var message = Message.CreateMessage(Encoder.MessageVersion, _action, new XElementBodyWriter(_body));
        if (_security is { } security)
        {
            message.Headers.Add(security);
        }

        using var stream = new MemoryStream();
        Encoder.WriteMessage(message, stream);
        return _bytes = stream.ToArray();
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(ToArray()).AsTask();

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(ToArray(), cancellationToken).AsTask();

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = ToArray().Length;
        return true;
    }

    private sealed class XElementBodyWriter(XElement body) : BodyWriter(isBuffered: true)
    {
        protected override void OnWriteBodyContents(XmlDictionaryWriter writer) => body.WriteTo(writer);
    }
}

/// <summary>The WS-Security 1.0 <c>wsse:Security</c> header with a <c>UsernameToken</c> and a PasswordText password, <c>mustUnderstand="1"</c> as pmsXchange requires.</summary>
internal sealed class UsernameTokenHeader(string username, string password) : MessageHeader
{
    public const string SecurityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    public const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    public string Username { get; } = username;

    public string Password { get; } = password;

    public override string Name => "Security";

    public override string Namespace => SecurityNamespace;

    public override bool MustUnderstand => true;

    protected override void OnWriteStartHeader(XmlDictionaryWriter writer, MessageVersion messageVersion)
    {
        writer.WriteStartElement("wsse", Name, Namespace);
        WriteHeaderAttributes(writer, messageVersion);
    }

    protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
    {
        writer.WriteStartElement("wsse", "UsernameToken", SecurityNamespace);
        writer.WriteElementString("wsse", "Username", SecurityNamespace, Username);
        writer.WriteStartElement("wsse", "Password", SecurityNamespace);
        writer.WriteAttributeString("Type", PasswordText);
        writer.WriteString(Password);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
