using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Primitives;
using static HotelPlatform.Connectors.Tests.Events.TestWebhookRequests;

namespace HotelPlatform.Connectors.Tests.Events;

/// <summary>The framework-neutral request a handler reads, and the constant-time secret it compares with.</summary>
public sealed class WebhookRequestTests
{
    [Fact]
    public void Header_names_compare_case_insensitively_whatever_dictionary_was_given()
    {
        var request = Post("/hooks", "{}", new Dictionary<string, StringValues>(StringComparer.Ordinal) { ["X-Tracking-Id"] = "t-1", ["Accept"] = new StringValues(["a", "b"]) });

        Assert.Equal("t-1", request.GetHeader("x-tracking-id"));
        Assert.Equal("a,b", request.GetHeader("ACCEPT"));
        Assert.Null(request.GetHeader("Authorization"));
        Assert.True(request.Headers.ContainsKey("x-TRACKING-id"));
    }

    [Fact]
    public void The_query_is_parsed_unescaped_with_repeated_names_kept_apart()
    {
        var request = Post("/hooks?Token=a%2Bb%20c&x=1&x=2&plus=a+b&empty=", "{}");

        Assert.Equal("a+b c", request.GetSingleQueryValue("token"));
        Assert.Equal(["1", "2"], request.Query["x"].ToArray());
        Assert.Null(request.GetSingleQueryValue("x"));
        Assert.Equal("a b", request.GetSingleQueryValue("plus"));
        Assert.Equal(string.Empty, request.GetSingleQueryValue("empty"));
        Assert.Null(request.GetSingleQueryValue("absent"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    public void An_empty_query_has_no_parameters(string query)
    {
        var request = Post("/hooks", "{}");
        var withQuery = new PmsWebhookRequest { HotelId = "h1", Method = "POST", Path = "/hooks", QueryString = query };

        Assert.Empty(request.Query);
        Assert.Empty(withQuery.Query);
        Assert.Empty(withQuery.Headers);
        Assert.True(withQuery.Body.IsEmpty);
    }

    [Fact]
    public void A_secret_matches_only_itself_and_never_shows()
    {
        var secret = new PmsWebhookSecret("0123456789abcdef");

        Assert.True(secret.Matches("0123456789abcdef"));
        Assert.False(secret.Matches("0123456789abcdeF"));
        Assert.False(secret.Matches("0123456789abcdef "));
        Assert.False(secret.Matches("0123"));
        Assert.False(secret.Matches(string.Empty));
        Assert.False(secret.Matches(null));
        Assert.Equal("***", secret.ToString());
        Assert.Throws<ArgumentException>(() => new PmsWebhookSecret(string.Empty));
    }
}
