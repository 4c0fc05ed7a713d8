using System.Xml.Linq;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>A SOAP 1.1 request read by <see cref="SoapBodyReader"/>.</summary>
public sealed class SoapEnvelope
{
    internal SoapEnvelope(XElement body, XElement? header, SoapUsernameToken? usernameToken)
    {
        Body = body;
        Header = header;
        UsernameToken = usernameToken;
    }

    /// <summary>Gets the one element inside <c>soap:Body</c>: the operation's request (such as <c>OTA_HotelResNotifRQ</c>).</summary>
    public XElement Body { get; }

    /// <summary>Gets <c>soap:Header</c>, or <see langword="null"/> when the envelope has none.</summary>
    public XElement? Header { get; }

    /// <summary>Gets the WS-Security <c>UsernameToken</c> of the header, or <see langword="null"/> when there is none.</summary>
    public SoapUsernameToken? UsernameToken { get; }
}

/// <summary>A WS-Security 1.0 <c>wsse:Security/wsse:UsernameToken</c> from a SOAP header.</summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password as sent (plain text, or a digest when <paramref name="PasswordType"/> says so).</param>
/// <param name="PasswordType">The password's <c>Type</c> attribute; <see cref="PasswordText"/> when absent, as the standard says.</param>
public sealed record SoapUsernameToken(string Username, string Password, string PasswordType)
{
    /// <summary>The WS-Security 1.0 secext namespace.</summary>
    public const string SecurityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    /// <summary>The <c>Type</c> of a plain-text password.</summary>
    public const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    private static readonly XNamespace Wsse = SecurityNamespace;

    /// <inheritdoc />
    public override string ToString() => $"UsernameToken {{ Username = {Username}, Password = ***, PasswordType = {PasswordType} }}";

    internal static SoapUsernameToken? Find(XElement? header, ICollection<ValidationViolation> violations)
    {
        XElement? token = header?.Element(Wsse + "Security")?.Element(Wsse + "UsernameToken");
        if (token is null)
        {
            return null;
        }

        string? username = token.Element(Wsse + "Username")?.Value;
        XElement? password = token.Element(Wsse + "Password");
        if (string.IsNullOrEmpty(username) || password is null)
        {
            violations.Add(new("soap:Header/wsse:Security/wsse:UsernameToken", "A UsernameToken needs a Username and a Password."));
            return null;
        }

        return new SoapUsernameToken(username, password.Value, (string?)password.Attribute("Type") ?? PasswordText);
    }
}
