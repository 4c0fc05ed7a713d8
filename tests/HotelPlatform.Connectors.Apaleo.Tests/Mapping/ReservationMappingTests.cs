using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Wire;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>ReservationModel → Reservation with hand-written payloads (runs without the vendor documents).</summary>
public sealed class ReservationMappingTests
{
    [Theory]
    [InlineData("Confirmed", ReservationStatus.Confirmed)]
    [InlineData("InHouse", ReservationStatus.InHouse)]
    [InlineData("CheckedOut", ReservationStatus.CheckedOut)]
    [InlineData("Canceled", ReservationStatus.Cancelled)]
    [InlineData("NoShow", ReservationStatus.NoShow)]
    [InlineData("Tentative", ReservationStatus.Unknown)]
    [InlineData("confirmed", ReservationStatus.Unknown)]
    public void Apaleo_statuses_map_to_the_normalised_status(string apaleo, ReservationStatus expected)
    {
        Assert.Equal(expected, ApaleoReservationMapper.ToStatus(apaleo));
    }

    [Fact]
    public void An_unknown_status_keeps_the_raw_value()
    {
        var reservation = ApaleoReservationMapper.ToReservation(RequestSamples.CurrentReservation() with { Status = "OnHold" });

        Assert.Equal((ReservationStatus.Unknown, "OnHold"), (reservation.Status, reservation.RawStatus));
    }

    [Fact]
    public void A_reservation_the_connector_booked_directly_carries_its_external_code_as_the_client_reference()
    {
        var reservation = ApaleoReservationMapper.ToReservation(RequestSamples.CurrentReservation(), Zones.Berlin);

        Assert.Equal("voice-7Q2K", reservation.ClientReference);
        Assert.Null(reservation.ExternalReference);
        Assert.Equal((new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12)), (reservation.Arrival, reservation.Departure));
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 9, 30, 0, TimeSpan.Zero), reservation.CreatedAt);
        Assert.Equal(new Money(240m, "EUR"), reservation.Total);
    }

    [Fact]
    public void A_reservation_of_another_channel_carries_its_external_code_as_the_channel_reference()
    {
        var reservation = ApaleoReservationMapper.ToReservation(RequestSamples.CurrentReservation() with { ChannelCode = "Expedia", ExternalCode = "EXP-1" });

        Assert.Equal("EXP-1", reservation.ExternalReference);
        Assert.Null(reservation.ClientReference);
    }

    [Fact]
    public void Arrival_and_departure_given_in_utc_are_read_as_property_dates_when_the_zone_is_known()
    {
        // 23:30 UTC on the 9th is 00:30 on the 10th in Berlin (CET, +01:00).
        var utc = RequestSamples.CurrentReservation() with
        {
            Arrival = new DateTimeOffset(2025, 3, 9, 23, 30, 0, TimeSpan.Zero),
            Departure = new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero),
        };

        Assert.Equal(new DateOnly(2025, 3, 10), ApaleoReservationMapper.ToReservation(utc, Zones.Berlin).Arrival);
        Assert.Equal(new DateOnly(2025, 3, 9), ApaleoReservationMapper.ToReservation(utc).Arrival);
    }

    [Fact]
    public void A_cancelled_reservation_maps_its_cancellation_time_and_services()
    {
        var model = Json.Read(
            """
            {
              "id": "ZZZ-2", "status": "Canceled", "property": { "id": "BER" }, "ratePlan": { "id": "BER-FLEX", "isSubjectToCityTax": true },
              "unitGroup": { "id": "BER-DBL" }, "arrival": "2025-05-01T15:00:00+02:00", "departure": "2025-05-02T11:00:00+02:00",
              "cancellationTime": "2025-04-20T08:15:00+02:00", "adults": 2, "channelCode": "Direct",
              "booker": { "lastName": "Booker", "firstName": "Bob" },
              "additionalGuests": [ { "lastName": "Second", "firstName": "Sue" } ],
              "services": [ { "service": { "id": "BER-BRKF", "name": "Breakfast", "pricingUnit": "Person" },
                              "totalAmount": { "grossAmount": 40.0, "netAmount": 33.61, "vatType": "Normal", "vatPercent": 19.0, "currency": "EUR" },
                              "dates": [ { "serviceDate": "2025-05-02", "count": 2, "isMandatory": false } ] } ]
            }
            """,
            Json.Context.ReservationModel);

        var reservation = ApaleoReservationMapper.ToReservation(model);

        Assert.Equal(ReservationStatus.Cancelled, reservation.Status);
        Assert.Equal(new DateTimeOffset(2025, 4, 20, 8, 15, 0, TimeSpan.FromHours(2)), reservation.CancelledAt);
        Assert.Equal("Booker", reservation.PrimaryGuest.LastName); // no primary guest: the booker stands in
        Assert.Equal("Sue Second", Assert.Single(reservation.AdditionalGuests).DisplayName);
        var breakfast = Assert.Single(reservation.Services);
        Assert.Equal(("BER-BRKF", "Breakfast", 2, new Money(40m, "EUR")), (breakfast.ServiceId, breakfast.Name, breakfast.Quantity, breakfast.Total!.Value));
        Assert.Equal([new DateOnly(2025, 5, 2)], breakfast.Dates);
        Assert.Null(reservation.Total);
        Assert.Null(reservation.ClientReference);
    }

    [Fact]
    public void A_reservation_in_an_unknown_currency_is_a_vendor_failure_not_an_argument_error()
    {
        var model = RequestSamples.CurrentReservation() with { TotalGrossAmount = new Apaleo.Wire.MonetaryValueModel(1m, "XXY") };

        var exception = Assert.Throws<PmsException>(() => ApaleoReservationMapper.ToReservation(model));

        Assert.Equal(PmsVendors.Apaleo, exception.Vendor);
        Assert.Contains("XXY", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_slices_become_the_nightly_rates_in_date_order_at_their_total_gross_amount()
    {
        static TimeSliceModel Slice(int day, decimal gross, decimal baseGross) => new()
        {
            From = new DateTimeOffset(2025, 3, day, 17, 0, 0, TimeSpan.FromHours(1)),
            To = new DateTimeOffset(2025, 3, day + 1, 11, 0, 0, TimeSpan.FromHours(1)),
            ServiceDate = new DateOnly(2025, 3, day),
            RatePlan = new EmbeddedRatePlanModel { Id = "MUC-FLEX-DBL" },
            UnitGroup = new EmbeddedUnitGroupModel { Id = "MUC-DBL" },
            BaseAmount = new AmountModel { GrossAmount = baseGross, Currency = "EUR" },
            TotalGrossAmount = new MonetaryValueModel(gross, "EUR"),
        };

        // Listed out of order on purpose; the package element (breakfast) is in the total gross, not in the base amount.
        var model = RequestSamples.CurrentReservation() with { TimeSlices = [Slice(11, 130m, 110m), Slice(10, 110m, 90m)] };

        var reservation = ApaleoReservationMapper.ToReservation(model, Zones.Berlin);

        Assert.Equal(
            [new NightlyRate(new DateOnly(2025, 3, 10), new Money(110m, "EUR")), new NightlyRate(new DateOnly(2025, 3, 11), new Money(130m, "EUR"))],
            reservation.NightlyRates);
    }

    [Fact]
    public void A_reservation_read_without_time_slices_has_no_nightly_rates_rather_than_invented_ones()
    {
        var reservation = ApaleoReservationMapper.ToReservation(RequestSamples.CurrentReservation() with { TimeSlices = null });

        Assert.Empty(reservation.NightlyRates);
        Assert.Empty(reservation.Fees);
    }
}
