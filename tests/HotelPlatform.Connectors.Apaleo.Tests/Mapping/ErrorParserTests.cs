using HotelPlatform.Connectors.Apaleo.Mapping;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>Apaleo error bodies → messages for the runtime's error factory.</summary>
public sealed class ErrorParserTests
{
    [Fact]
    public void A_422_message_collection_yields_every_message_in_order()
    {
        var body = ApaleoErrorParser.Parse("""{"messages":["The unit group MUC-SGL is fully booked.","Arrival must be in the future.",""]}""");

        Assert.Equal(["The unit group MUC-SGL is fully booked.", "Arrival must be in the future."], body.Messages);
        Assert.Null(body.ErrorType);
    }

    [Fact]
    public void A_webhook_api_error_yields_its_message_and_type()
    {
        var body = ApaleoErrorParser.Parse("""{"type":"HealthcheckFailed","message":"The endpoint answered 500."}""");

        Assert.Equal(["The endpoint answered 500."], body.Messages);
        Assert.Equal("HealthcheckFailed", body.ErrorType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{not json")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"messages":"not an array"}""")]
    public void Bodies_without_usable_messages_yield_none(string? content)
    {
        Assert.Empty(ApaleoErrorParser.Parse(content).Messages);
    }

    [Fact]
    public void Short_plain_text_is_kept_and_long_text_dropped()
    {
        Assert.Equal(["Bad request."], ApaleoErrorParser.Parse("Bad request.").Messages);
        Assert.Empty(ApaleoErrorParser.Parse(new string('x', ApaleoErrorParser.MaxPlainTextLength + 1)).Messages);
    }
}
