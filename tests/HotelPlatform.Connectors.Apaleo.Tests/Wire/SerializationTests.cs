using System.Text.Json;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Tests.Wire;

/// <summary>Apaleo's date formats and member naming through the source-generated context.</summary>
public sealed class SerializationTests
{
    [Fact]
    public void Date_times_are_written_without_fractional_seconds_and_with_their_offset()
    {
        var withFraction = new DateTimeOffset(2021, 6, 28, 15, 45, 14, TimeSpan.FromHours(2)).AddTicks(9289333);

        Assert.Equal("2021-06-28T15:45:14+02:00", ApaleoDateTimeOffsetConverter.Format(withFraction));
        Assert.Equal("2021-06-28T13:45:14Z", ApaleoDateTimeOffsetConverter.Format(withFraction.ToUniversalTime()));
        Assert.Equal("2025-01-05T23:59:59-05:00", ApaleoDateTimeOffsetConverter.Format(new DateTimeOffset(2025, 1, 5, 23, 59, 59, 999, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void A_date_time_read_with_seven_fractional_digits_round_trips_to_whole_seconds()
    {
        var model = Json.Read("""{"from":"2021-07-03T15:45:14.9289333+02:00","to":"2021-07-04T15:45:14Z","unitGroups":[]}""", Json.Context.UnitGroupAvailabilityTimeSliceItemModel);

        Assert.Equal(new DateTimeOffset(2021, 7, 3, 15, 45, 14, TimeSpan.FromHours(2)).AddTicks(9289333), model.From);
        Assert.Equal(TimeSpan.Zero, model.To.Offset);
        var written = Json.Write(model, Json.Context.UnitGroupAvailabilityTimeSliceItemModel);
        Assert.Equal("2021-07-03T15:45:14+02:00", written["from"]!.GetValue<string>());
        Assert.Equal("2021-07-04T15:45:14Z", written["to"]!.GetValue<string>());
    }

    [Fact]
    public void Nullable_date_times_use_the_same_format_and_absent_ones_are_left_out()
    {
        var reservation = RequestSamples.CurrentReservation() with
        {
            CancellationTime = new DateTimeOffset(2025, 3, 1, 8, 0, 0, 500, TimeSpan.Zero),
            CheckInTime = null,
        };

        var written = Json.Write(reservation, Json.Context.ReservationModel).AsObject();

        Assert.Equal("2025-03-01T08:00:00Z", written["cancellationTime"]!.GetValue<string>());
        Assert.False(written.ContainsKey("checkInTime"));
    }

    [Fact]
    public void A_date_time_without_an_offset_is_read_as_utc_and_a_non_date_is_refused()
    {
        Assert.True(ApaleoDateTimeOffsetConverter.TryParse("2025-03-10T17:00:00", out var noOffset));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 17, 0, 0, TimeSpan.Zero), noOffset);
        Assert.Throws<JsonException>(() => Json.Read("""{"from":"tomorrow","to":"2021-07-04T15:45:14Z"}""", Json.Context.UnitGroupAvailabilityTimeSliceItemModel));
        Assert.Throws<JsonException>(() => Json.Read("""{"from":1625233514,"to":"2021-07-04T15:45:14Z"}""", Json.Context.UnitGroupAvailabilityTimeSliceItemModel));
    }

    [Fact]
    public void Dates_are_written_as_plain_iso_dates()
    {
        var body = new DesiredStayDetailsModel
        {
            Arrival = new DateOnly(2025, 3, 10),
            Departure = new DateOnly(2025, 3, 12),
            Adults = 2,
            TimeSlices = [new DesiredTimeSliceModel { RatePlanId = "MUC-FLEX-DBL" }],
        };

        Json.AssertEquivalent(
            """{"arrival":"2025-03-10","departure":"2025-03-12","adults":2,"timeSlices":[{"ratePlanId":"MUC-FLEX-DBL"}]}""",
            Json.Write(body, Json.Context.DesiredStayDetailsModel));
    }

    [Fact]
    public void A_localized_name_reads_from_an_object_of_languages_or_from_a_plain_string()
    {
        var localized = Json.Read("""{"id":"MUC","name":{"de":"Hotel München","en":"Hotel Munich"},"timeZone":"Europe/Berlin","currencyCode":"EUR"}""", Json.Context.PropertyModel);
        var plain = Json.Read("""{"id":"BER","name":"Hotel Berlin","timeZone":"Europe/Berlin","currencyCode":"EUR"}""", Json.Context.PropertyModel);

        Assert.Equal("Hotel Munich", localized.Name!.Resolve(null));
        Assert.Equal("Hotel München", localized.Name.Resolve("de"));
        Assert.Equal("Hotel Munich", localized.Name.Resolve("fr"));
        Assert.Equal("Hotel Berlin", plain.Name!.Resolve("de"));
        Assert.Throws<JsonException>(() => Json.Read("""{"id":"X","name":42,"timeZone":"UTC","currencyCode":"EUR"}""", Json.Context.PropertyModel));
    }

    [Fact]
    public void A_model_missing_a_member_the_mapping_cannot_do_without_is_refused()
    {
        var exception = Assert.Throws<JsonException>(() => Json.Read("""{"bookingId":"X","status":"Confirmed"}""", Json.Context.ReservationModel));

        Assert.Contains("id", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_newer_than_the_2021_guest_model_survive_a_read_and_write()
    {
        var guest = Json.Read("""{"lastName":"Doe","title":"Dr","loyaltyNumber":"L-99","consents":{"marketing":true}}""", Json.Context.GuestModel);

        Json.AssertEquivalent(
            """{"lastName":"Doe","title":"Dr","loyaltyNumber":"L-99","consents":{"marketing":true}}""",
            Json.Write(guest, Json.Context.GuestModel));
    }

    [Fact]
    public void Reading_ignores_unknown_members_and_member_case()
    {
        var model = Json.Read("""{"Id":"XPGMSXGF","reservationIds":[{"id":"XPGMSXGF-1","extra":1}],"newMember":"x"}""", Json.Context.BookingCreatedModel);

        Assert.Equal("XPGMSXGF", model.Id);
        Assert.Equal("XPGMSXGF-1", Assert.Single(model.ReservationIds).Id);
    }
}
