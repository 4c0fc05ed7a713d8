using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>Rate plans, service catalogue, availability and offers with hand-written payloads.</summary>
public sealed class InventoryAndOfferMappingTests
{
    [Fact]
    public void A_rate_plan_sells_its_one_unit_group_and_carries_its_cancellation_policy()
    {
        // Shape of the current rateplan-v1 RatePlanListModel (not among the saved specs).
        var list = Json.Read(
            """
            { "ratePlans": [ {
                "id": "MUC-NONREF-DBL", "code": "NONREF", "name": "Non Refundable", "description": "Non Refundable",
                "minGuaranteeType": "PM6Hold", "property": { "id": "MUC" }, "unitGroup": { "id": "MUC-DBL", "type": "BedRoom" },
                "cancellationPolicy": { "id": "MUC-FLE", "code": "FLE", "name": "Flexible", "description": "Free cancellation until 36 hours before arrival." },
                "noShowPolicy": { "id": "MUC-NONREF", "code": "NONREF", "name": "Non Refundable", "description": "Non Refundable" },
                "channelCodes": [ "Direct", "BookingCom", "Ibe" ], "isBookable": true, "isSubjectToCityTax": false, "isDerived": false, "derivationLevel": 0
              } ], "count": 1 }
            """,
            Json.Context.RatePlanListModel);

        var plan = ApaleoInventoryMapper.ToRatePlan(Assert.Single(list.RatePlans), "EUR");

        Assert.Equal(("MUC-NONREF-DBL", "Non Refundable", "NONREF", "EUR"), (plan.VendorId, plan.Name, plan.Code, plan.Currency));
        Assert.Equal(["MUC-DBL"], plan.RoomTypeIds);
        Assert.Equal(("Flexible", "Free cancellation until 36 hours before arrival."), (plan.CancellationPolicy!.Name, plan.CancellationPolicy.Description));
        Assert.Null(plan.CancellationPolicy.FreeCancellationUntil);
    }

    [Fact]
    public void A_catalogue_service_becomes_an_offer_with_its_default_price_only()
    {
        var list = Json.Read(
            """
            { "services": [
                { "id": "MUC-BRKF", "name": "Breakfast", "code": "BRKF", "description": "Yummy breakfast.", "defaultGrossPrice": { "amount": 20.0, "currency": "EUR" },
                  "pricingUnit": "Person", "postNextDay": true, "serviceType": "FoodAndBeverages", "vatType": "Normal", "channelCodes": [ "Direct" ] },
                { "id": "MUC-WIFI", "name": "Wifi", "code": "WIFI", "description": "Fast.", "defaultGrossPrice": { "amount": 10.0, "currency": "EUR" },
                  "postNextDay": false, "serviceType": "Other", "vatType": "Normal" } ], "count": 2 }
            """,
            Json.Context.ServiceListModel);

        var offers = list.Services.Select(ApaleoServiceMapper.ToServiceOffer).ToList();

        Assert.Equal(("MUC-BRKF", new Money(20m, "EUR"), ServicePricingUnit.PerPersonPerNight), (offers[0].ServiceId, offers[0].UnitPrice, offers[0].PricingUnit));
        Assert.Null(offers[0].Total);
        Assert.Empty(offers[0].AvailableDates);
        Assert.Equal(ServicePricingUnit.PerNight, offers[1].PricingUnit);
    }

    [Fact]
    public void Sellable_counts_below_zero_read_as_zero_and_a_requested_room_type_apaleo_did_not_mention_is_sold_out()
    {
        var page = Json.Read(
            """
            { "timeSlices": [
                { "from": "2025-03-10T17:00:00+01:00", "to": "2025-03-11T11:00:00+01:00",
                  "unitGroups": [ { "unitGroup": { "id": "MUC-SGL" }, "availableCount": 0, "sellableCount": -2 } ] },
                { "from": "2025-03-11T17:00:00+01:00", "to": "2025-03-12T11:00:00+01:00",
                  "unitGroups": [ { "unitGroup": { "id": "MUC-SGL" }, "availableCount": 5, "sellableCount": 4 } ] },
                { "from": "2025-03-12T17:00:00+01:00", "to": "2025-03-13T11:00:00+01:00",
                  "unitGroups": [ { "unitGroup": { "id": "MUC-SGL" }, "sellableCount": 9 } ] } ], "count": 3 }
            """,
            Json.Context.AvailableUnitGroupListModel);
        var request = new AvailabilityRequest(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12)) { RoomTypeIds = ["MUC-SGL", "MUC-STE"] };

        var grid = ApaleoAvailabilityMapper.ToAvailabilityGrid("MUC", request, [page], Zones.Berlin);

        Assert.Equal([0, 4], grid["MUC-SGL"]!.Nights.Select(n => n.Available)); // the third slice is past the stay
        Assert.Equal([0, 0], grid["MUC-STE"]!.Nights.Select(n => n.Available));
        Assert.Equal((new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 11)), ApaleoAvailabilityMapper.ToQueryRange(request));
    }

    [Fact]
    public void An_empty_availability_answer_gives_an_empty_grid()
    {
        var grid = ApaleoAvailabilityMapper.ToAvailabilityGrid("MUC", new AvailabilityRequest(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12)), []);

        Assert.Empty(grid.RoomTypes);
    }

    [Fact]
    public void Fees_are_added_to_the_total_city_tax_is_reported_but_not_added_and_unbookable_offers_are_dropped()
    {
        var model = Json.Read(
            """
            { "property": { "id": "BER" }, "offers": [
              { "arrival": "2025-03-10T15:00:00+01:00", "departure": "2025-03-11T11:00:00+01:00",
                "unitGroup": { "id": "BER-DBL", "name": "Double", "maxPersons": 2 }, "availableUnits": 3,
                "ratePlan": { "id": "BER-FLEX", "name": "Flex", "isSubjectToCityTax": true },
                "totalGrossAmount": { "amount": 100.0, "currency": "EUR" },
                "timeSlices": [ { "from": "2025-03-10T15:00:00+01:00", "to": "2025-03-11T11:00:00+01:00", "availableUnits": 3,
                                  "totalGrossAmount": { "amount": 100.0, "currency": "EUR" } } ],
                "fees": [ { "id": "BER-RESORT", "code": "RESORT", "name": "Resort fee",
                            "totalAmount": { "grossAmount": 7.5, "netAmount": 6.3, "vatType": "Normal", "vatPercent": 19.0, "currency": "EUR" } } ],
                "cityTax": { "grossAmount": 5.0, "netAmount": 5.0, "vatType": "Without", "vatPercent": 0.0, "currency": "EUR" },
                "isCorporate": false },
              { "arrival": "2025-03-10T15:00:00+01:00", "departure": "2025-03-11T11:00:00+01:00",
                "unitGroup": { "id": "BER-SGL", "maxPersons": 1 }, "availableUnits": 0,
                "ratePlan": { "id": "BER-FLEX-SGL", "isSubjectToCityTax": true }, "totalGrossAmount": { "amount": 80.0, "currency": "EUR" },
                "timeSlices": [], "validationMessages": [ { "code": "UnitGroupFullyBooked", "message": "fully booked" } ], "isCorporate": false } ] }
            """,
            Json.Context.StayOffersModel);

        var quote = Assert.Single(ApaleoOfferMapper.ToRateQuotes(model, new QuoteRequest(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 11), 2)));

        Assert.Equal(new Money(107.5m, "EUR"), quote.Total);
        Assert.Equal([("Resort fee", 7.5m, true), ("City tax", 5m, false)], quote.Fees.Select(f => (f.Name, f.Amount.Amount, f.IncludedInTotal)));
        Assert.Null(quote.TotalBeforeTax);
        Assert.Empty(quote.Taxes);
        Assert.Null(quote.CancellationPolicy);
    }

    [Fact]
    public void No_offers_answer_gives_no_quotes()
    {
        Assert.Empty(ApaleoOfferMapper.ToRateQuotes(null, new QuoteRequest(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 11), 1)));
    }

    [Fact]
    public void A_property_in_an_unknown_currency_is_a_vendor_failure()
    {
        var model = Json.Read("""{"id":"X","name":{"en":"X"},"timeZone":"UTC","currencyCode":"EURO"}""", Json.Context.PropertyModel);

        Assert.Equal(PmsVendors.Apaleo, Assert.Throws<PmsException>(() => ApaleoInventoryMapper.ToProperty(model)).Vendor);
    }

    [Fact]
    public void The_connector_claims_every_capability_but_restrictions_and_standalone_guest_profiles()
    {
        var supported = ApaleoCapabilities.Supported;

        Assert.False(supported.HasFlag(ConnectorCapabilities.Restrictions));
        Assert.False(supported.HasFlag(ConnectorCapabilities.GuestProfiles));
        Assert.False(supported.HasFlag(ConnectorCapabilities.UpsertGuest));
        Assert.True(supported.HasFlag(ConnectorCapabilities.IdempotentCreate | ConnectorCapabilities.Webhooks | ConnectorCapabilities.SearchGuests
                                      | ConnectorCapabilities.ModifyStay | ConnectorCapabilities.ChangedReservations | ConnectorCapabilities.AddService));
    }
}
