using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class JournalTests : SimulatorTestBase
{
    [Fact]
    public async Task A_request_is_recorded_as_sent_with_its_authorization_masked_and_its_response_once_answered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/bookings?b=2&a=1&b=3")
        {
            Content = new StringContent(ValidBooking, Encoding.UTF8, "application/json"),
        };
        string token = await GetTokenAsync();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Trace", "abc");

        using HttpResponseMessage response = await Client.SendAsync(request, Ct);

        // The token request was journaled too; the booking is the second entry.
        RecordedRequest recorded = Simulator.Requests.Single(r => r.Path == "/v1/bookings");
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("?b=2&a=1&b=3", recorded.QueryString);
        Assert.Equal([new("b", "2"), new("a", "1"), new("b", "3")], recorded.Query);
        Assert.Equal(["2", "3"], recorded.GetQueryValues("b"));
        Assert.Equal("Bearer [redacted]", recorded.Headers["authorization"]);
        Assert.DoesNotContain(token, string.Join(" ", recorded.Headers.Values), StringComparison.Ordinal);
        Assert.Equal("abc", recorded.Headers["X-Trace"]);
        Assert.Equal(ValidBooking, recorded.Body);
        Assert.Equal("Ada Lovelace", recorded.ReadBodyAsJson()!["guestName"]!.GetValue<string>());
        Assert.Equal(Start, recorded.ReceivedAt);

        RecordedRequest completed = await Simulator.Requests.WaitForAsync(r => r.Sequence == recorded.Sequence && r.IsCompleted, Ct);
        Assert.Equal(201, completed.Response!.StatusCode);
        Assert.Equal(await response.Content.ReadAsStringAsync(Ct), completed.Response.Body);
        Assert.Null(completed.Fault);
    }

    [Fact]
    public async Task The_client_secret_of_a_form_encoded_token_request_is_masked_in_the_journal()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", TestPmsSimulator.ClientId), new("client_secret", TestPmsSimulator.ClientSecret)]),
        };

        using HttpResponseMessage response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RecordedRequest recorded = Assert.Single(Simulator.Requests);
        Assert.Contains("client_id=test-client", recorded.Body, StringComparison.Ordinal);
        Assert.Contains("client_secret=%5Bredacted%5D", recorded.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", recorded.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journal_keeps_only_the_newest_requests_beyond_its_capacity()
    {
        await using var simulator = new TestPmsSimulator(new SimulatorOptions { JournalCapacity = 2 });
        await simulator.StartAsync(Ct);
        using HttpClient client = simulator.CreateClient();

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage response = await client.GetAsync($"/v1/ping?i={i}", Ct);
        }

        Assert.Equal([2L, 3L], simulator.Requests.Select(r => r.Sequence));
    }

    [Theory]
    [InlineData("Bearer abc.def", "Bearer [redacted]")]
    [InlineData("Basic dXNlcjpwYXNz", "Basic [redacted]")]
    [InlineData("just-a-key", "[redacted]")]
    [InlineData("a=b c", "[redacted]")]
    public void Header_values_are_masked_keeping_only_the_scheme(string value, string expected) =>
        Assert.Equal(expected, Redaction.MaskHeaderValue(value));

    [Fact]
    public void Json_secrets_are_masked_at_any_depth_and_other_bodies_are_left_as_sent()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "AccessToken" };

        string masked = Redaction.MaskJsonProperties("""{"accessToken":"t1","nested":[{"AccessToken":"t2","n":1}]}""", names);

        Assert.Equal("""{"accessToken":"[redacted]","nested":[{"AccessToken":"[redacted]","n":1}]}""", masked);
        Assert.Equal("""{ "other": "x" }""", Redaction.MaskJsonProperties("""{ "other": "x" }""", names));
        Assert.Equal("not json", Redaction.MaskJsonProperties("not json", names));
    }
}
