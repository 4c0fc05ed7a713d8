using System.Net;
using System.Text;

namespace HotelPlatform.Connectors.Simulators.Tests;

/// <summary>A wrong content type is the vendor's to answer (<see cref="VendorSimulator"/>'s AnswerUnsupportedMediaType); it is recorded either way.</summary>
public sealed class UnsupportedMediaTypeTests : SimulatorTestBase
{
    private async Task<HttpResponseMessage> PostTextBookingAsync()
    {
        string token = await GetTokenAsync();
        using HttpRequestMessage request = BookingRequest(token, ValidBooking);
        request.Content = new StringContent(ValidBooking, Encoding.UTF8, "text/plain");
        return await Client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task By_default_a_wrong_content_type_is_the_strict_refusal_naming_the_header()
    {
        using HttpResponseMessage response = await PostTextBookingAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("failed", response.Headers.GetValues(StrictRequestValidator.RefusalHeader).Single());
        Assert.Equal(StrictRequestValidator.ContentTypeMember, Assert.Single(Simulator.ValidationFailures).Member);
        Assert.Empty(Simulator.Bookings);
    }

    [Fact]
    public async Task A_vendor_that_answers_415_does_and_the_refusal_is_still_recorded()
    {
        Simulator.AnswersUnsupportedMediaTypeWith415 = true;

        using HttpResponseMessage response = await PostTextBookingAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(response.Headers.Contains(StrictRequestValidator.RefusalHeader));
        ValidationFailure failure = Assert.Single(Simulator.ValidationFailures);
        Assert.Equal(StrictRequestValidator.ContentTypeMember, failure.Member);
        Assert.Equal("/v1/bookings", failure.Path);
        Assert.Empty(Simulator.Bookings);
    }

    [Fact]
    public async Task A_body_over_the_readers_cap_is_refused()
    {
        // The form reader reads at most 1 MiB; the journal itself buffers up to 16 MiB.
        using HttpRequestMessage request = new(HttpMethod.Post, "/form/raw") { Content = new StringContent("a=" + new string('A', 1024 * 1024), Encoding.UTF8, "application/x-www-form-urlencoded") };

        using HttpResponseMessage response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most", Assert.Single(Simulator.ValidationFailures).Message, StringComparison.Ordinal);
    }
}
