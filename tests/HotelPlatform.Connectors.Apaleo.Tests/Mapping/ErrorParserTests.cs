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

    [Theory]
    [InlineData("Reservations[0].ChannelCode: The ChannelCode field is required.", "Reservations[0].ChannelCode")]
    [InlineData("Departure: Departure cannot be more than 5 years after arrival.", "Departure")]
    [InlineData("Check-In is only possible from the day of arrival to the booked departure time the latest.", null)]
    [InlineData("The specified condition was not met for 'Amount'.", null)]
    public void The_field_is_the_member_path_a_validation_message_starts_with(string message, string? field)
    {
        var body = ApaleoErrorParser.Parse($$"""{"messages":["{{message}}"]}""");

        Assert.Equal(field, body.Field);
    }

    [Theory]
    [InlineData("The unit group MUC-SGL is fully booked.", true)]
    [InlineData("UnitGroupFullyBooked: no units left", true)]
    [InlineData("The rate restrictions for this rate plan are not considered", true)]
    [InlineData("The service BER-BKFT is not available on the following dates: 2022-07-15.", false)]
    [InlineData("Invalid country code XA.", false)]
    public void Only_messages_about_the_stay_not_being_sellable_say_no_availability(string message, bool noAvailability)
    {
        Assert.Equal(noAvailability, ApaleoErrorParser.SaysNoAvailability(ApaleoErrorParser.Parse($$"""{"messages":["{{message}}"]}""")));
    }
}
