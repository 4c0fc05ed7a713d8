using HotelPlatform.Connectors.Apaleo.Webhooks;
using static HotelPlatform.Connectors.Apaleo.Tests.Webhooks.WebhookRequests;

namespace HotelPlatform.Connectors.Apaleo.Tests.Webhooks;

/// <summary>Basic authentication and URL secrets, compared in constant time; Apaleo signs nothing. The reasons go to the operator's log only.</summary>
public sealed class WebhookVerifierTests
{
    private const string Secret = "0123456789abcdef-s3cr3t";
    private static readonly Uri Endpoint = new($"https://hooks.example.com/apaleo?token={Secret}");

    private static ApaleoWebhookVerifier BasicOnly() => new(new ApaleoWebhookOptions { BasicAuthUserName = "apaleo", BasicAuthPassword = "p:ss wörd" });

    private static string? Verify(ApaleoWebhookVerifier verifier, Uri url, string? authorization = null) => verifier.Verify(Post(url, authorization: authorization));

    [Fact]
    public void Matching_basic_credentials_pass_and_the_password_may_contain_a_colon()
    {
        Assert.Null(Verify(BasicOnly(), new Uri("https://hooks.example.com/apaleo"), Basic("apaleo", "p:ss wörd")));
        Assert.Null(Verify(BasicOnly(), new Uri("https://hooks.example.com/apaleo"), "basic " + Convert.ToBase64String("apaleo:p:ss wörd"u8.ToArray())));
    }

    [Theory]
    [InlineData("apaleo", "wrong")]
    [InlineData("someone", "p:ss wörd")]
    [InlineData("apaleo", "p:ss wörd ")]
    public void Wrong_basic_credentials_fail_without_saying_what_was_expected(string user, string password)
    {
        var failure = Verify(BasicOnly(), new Uri("https://hooks.example.com/apaleo"), Basic(user, password));

        Assert.Equal("The HTTP basic credentials do not match.", failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic YXBhbGVv")] // "apaleo" without a colon
    public void A_missing_or_malformed_authorization_header_fails(string? header)
    {
        var failure = Verify(BasicOnly(), new Uri("https://hooks.example.com/apaleo"), header);

        Assert.Equal("The delivery carries no valid HTTP basic Authorization header.", failure);
    }

    [Fact]
    public void A_url_secret_in_the_query_passes_and_a_wrong_missing_or_repeated_one_fails()
    {
        var verifier = new ApaleoWebhookVerifier(new ApaleoWebhookOptions { UrlSecret = Secret });

        Assert.Null(Verify(verifier, Endpoint));
        Assert.Null(Verify(verifier, new Uri($"https://hooks.example.com/apaleo?x=1&token={Uri.EscapeDataString(Secret)}")));
        Assert.Equal("The URL secret does not match.", Verify(verifier, new Uri("https://hooks.example.com/apaleo?token=0123456789abcdef-guess")));
        Assert.Equal("The URL carries no single 'token' query parameter.", Verify(verifier, new Uri("https://hooks.example.com/apaleo")));
        Assert.Equal("The URL carries no single 'token' query parameter.", Verify(verifier, new Uri($"https://hooks.example.com/apaleo?token={Secret}&token=other")));
        Assert.Equal("The URL carries no single 'token' query parameter.", Verify(verifier, new Uri("https://hooks.example.com/apaleo?token=")));
    }

    [Fact]
    public void A_url_secret_can_travel_as_the_last_path_segment_or_in_a_named_parameter()
    {
        var inPath = new ApaleoWebhookVerifier(new ApaleoWebhookOptions { UrlSecret = Secret, UrlSecretLocation = ApaleoUrlSecretLocation.LastPathSegment });
        var named = new ApaleoWebhookVerifier(new ApaleoWebhookOptions { UrlSecret = Secret, UrlSecretQueryParameter = "key" });

        Assert.Null(Verify(inPath, new Uri($"https://hooks.example.com/webhooks/apaleo/{Secret}/")));
        Assert.Equal("The URL secret does not match.", Verify(inPath, new Uri("https://hooks.example.com/webhooks/apaleo")));
        Assert.Equal("The URL has no path segment to carry the secret.", Verify(inPath, new Uri("https://hooks.example.com/")));
        Assert.Null(Verify(named, new Uri($"https://hooks.example.com/apaleo?key={Secret}")));
        Assert.NotNull(Verify(named, Endpoint));
    }

    [Fact]
    public void When_both_are_configured_both_must_pass()
    {
        var verifier = new ApaleoWebhookVerifier(new ApaleoWebhookOptions { BasicAuthUserName = "apaleo", BasicAuthPassword = "pw", UrlSecret = Secret });

        Assert.Null(Verify(verifier, Endpoint, Basic("apaleo", "pw")));
        Assert.NotNull(Verify(verifier, Endpoint));
        Assert.NotNull(Verify(verifier, new Uri("https://hooks.example.com/apaleo"), Basic("apaleo", "pw")));
    }

    [Fact]
    public void The_options_are_copied_so_later_changes_do_not_weaken_the_verifier()
    {
        var options = new ApaleoWebhookOptions { UrlSecret = Secret };
        var verifier = new ApaleoWebhookVerifier(options);

        options.UrlSecret = "ffffffffffffffffffff";

        Assert.Null(Verify(verifier, Endpoint));
        Assert.NotNull(Verify(verifier, new Uri("https://hooks.example.com/apaleo?token=ffffffffffffffffffff")));
    }

    [Theory]
    [InlineData(null, null, null, "does not sign")]
    [InlineData("apaleo", null, null, "or neither")]
    [InlineData(null, "pw", null, "or neither")]
    [InlineData(null, null, "short", "at least 16")]
    [InlineData(null, null, "                    ", "at least 16")]
    public void A_verifier_that_would_check_nothing_or_too_little_cannot_be_built(string? user, string? password, string? secret, string reason)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new ApaleoWebhookVerifier(new ApaleoWebhookOptions { BasicAuthUserName = user, BasicAuthPassword = password, UrlSecret = secret }));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }
}
