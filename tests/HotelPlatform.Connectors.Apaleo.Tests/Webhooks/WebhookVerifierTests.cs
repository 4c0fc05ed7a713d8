using System.Text;
using HotelPlatform.Connectors.Apaleo.Webhooks;

namespace HotelPlatform.Connectors.Apaleo.Tests.Webhooks;

/// <summary>Basic authentication and URL secrets, compared in constant time; Apaleo signs nothing.</summary>
public sealed class WebhookVerifierTests
{
    private const string Secret = "0123456789abcdef-s3cr3t";
    private static readonly Uri Endpoint = new($"https://hooks.example.com/apaleo?token={Secret}");

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static ApaleoWebhookVerifier BasicOnly() => new(new ApaleoWebhookVerificationOptions { BasicAuthUserName = "apaleo", BasicAuthPassword = "p:ss wörd" });

    [Fact]
    public void Matching_basic_credentials_pass_and_the_password_may_contain_a_colon()
    {
        Assert.True(BasicOnly().Verify(new Uri("https://hooks.example.com/apaleo"), Basic("apaleo", "p:ss wörd")).Succeeded);
        Assert.True(BasicOnly().Verify(new Uri("https://hooks.example.com/apaleo"), "basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("apaleo:p:ss wörd"))).Succeeded);
    }

    [Theory]
    [InlineData("apaleo", "wrong")]
    [InlineData("someone", "p:ss wörd")]
    [InlineData("apaleo", "p:ss wörd ")]
    public void Wrong_basic_credentials_fail_without_saying_what_was_expected(string user, string password)
    {
        var result = BasicOnly().Verify(new Uri("https://hooks.example.com/apaleo"), Basic(user, password));

        Assert.False(result.Succeeded);
        Assert.Equal("The HTTP basic credentials do not match.", result.FailureReason);
        Assert.DoesNotContain("p:ss", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic YXBhbGVv")] // "apaleo" without a colon
    public void A_missing_or_malformed_authorization_header_fails(string? header)
    {
        var result = BasicOnly().Verify(new Uri("https://hooks.example.com/apaleo"), header);

        Assert.False(result.Succeeded);
        Assert.Equal("The delivery carries no valid HTTP basic Authorization header.", result.FailureReason);
    }

    [Fact]
    public void A_url_secret_in_the_query_passes_and_a_wrong_missing_or_repeated_one_fails()
    {
        var verifier = new ApaleoWebhookVerifier(new ApaleoWebhookVerificationOptions { UrlSecret = Secret });

        Assert.True(verifier.Verify(Endpoint, authorizationHeader: null).Succeeded);
        Assert.True(verifier.Verify(new Uri($"https://hooks.example.com/apaleo?x=1&token={Uri.EscapeDataString(Secret)}"), null).Succeeded);
        var wrong = verifier.Verify(new Uri("https://hooks.example.com/apaleo?token=0123456789abcdef-guess"), null);
        var missing = verifier.Verify(new Uri("https://hooks.example.com/apaleo"), null);
        var repeated = verifier.Verify(new Uri($"https://hooks.example.com/apaleo?token={Secret}&token=other"), null);

        Assert.Equal((false, "The URL secret does not match."), (wrong.Succeeded, wrong.FailureReason));
        Assert.Equal((false, "The URL carries no single 'token' query parameter."), (missing.Succeeded, missing.FailureReason));
        Assert.False(repeated.Succeeded);
        Assert.DoesNotContain(Secret, wrong.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_secret_can_travel_as_the_last_path_segment_or_in_a_named_parameter()
    {
        var inPath = new ApaleoWebhookVerifier(new ApaleoWebhookVerificationOptions { UrlSecret = Secret, UrlSecretLocation = ApaleoUrlSecretLocation.LastPathSegment });
        var named = new ApaleoWebhookVerifier(new ApaleoWebhookVerificationOptions { UrlSecret = Secret, UrlSecretQueryParameter = "key" });

        Assert.True(inPath.Verify(new Uri($"https://hooks.example.com/webhooks/apaleo/{Secret}/"), null).Succeeded);
        Assert.False(inPath.Verify(new Uri("https://hooks.example.com/webhooks/apaleo"), null).Succeeded);
        Assert.True(named.Verify(new Uri($"https://hooks.example.com/apaleo?key={Secret}"), null).Succeeded);
        Assert.False(named.Verify(Endpoint, null).Succeeded);
    }

    [Fact]
    public void When_both_are_configured_both_must_pass()
    {
        var verifier = new ApaleoWebhookVerifier(new ApaleoWebhookVerificationOptions { BasicAuthUserName = "apaleo", BasicAuthPassword = "pw", UrlSecret = Secret });

        Assert.True(verifier.Verify(Endpoint, Basic("apaleo", "pw")).Succeeded);
        Assert.False(verifier.Verify(Endpoint, null).Succeeded);
        Assert.False(verifier.Verify(new Uri("https://hooks.example.com/apaleo"), Basic("apaleo", "pw")).Succeeded);
    }

    [Fact]
    public void The_options_are_copied_so_later_changes_do_not_weaken_the_verifier()
    {
        var options = new ApaleoWebhookVerificationOptions { UrlSecret = Secret };
        var verifier = new ApaleoWebhookVerifier(options);

        options.UrlSecret = "ffffffffffffffffffff";

        Assert.True(verifier.Verify(Endpoint, null).Succeeded);
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
            new ApaleoWebhookVerifier(new ApaleoWebhookVerificationOptions { BasicAuthUserName = user, BasicAuthPassword = password, UrlSecret = secret }));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }
}
