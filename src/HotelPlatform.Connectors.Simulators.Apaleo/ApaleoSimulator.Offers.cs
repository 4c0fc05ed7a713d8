using HotelPlatform.Connectors.Simulators.Apaleo.State;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>Booking API offers: stay offers, service offers for a stay and for a reservation.</summary>
public sealed partial class ApaleoSimulator
{
    private void MapOffers(IEndpointRouteBuilder routes)
    {
        // booking-v1: "You must have at least one of these scopes: 'offers.read, reservations.manage'".
        string[] scopes = ["offers.read", "reservations.manage"];

        routes.MapGet("/booking/v1/offers", (HttpContext context, CancellationToken cancellationToken) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            string propertyId = query.Required("propertyId");
            StayParameters stayParameters = ReadStay(query);
            TimeSliceTemplate template = query.OptionalEnum<TimeSliceTemplate>("timeSliceTemplate") ?? TimeSliceTemplate.OverNight;
            IReadOnlyList<string> timeSliceDefinitionIds = query.OptionalList("timeSliceDefinitionIds");
            IReadOnlyList<string> unitGroupIds = query.OptionalList("unitGroupIds");
            IReadOnlyList<UnitGroupType> types = query.OptionalEnumList<UnitGroupType>("unitGroupTypes");
            ChannelCode? channel = query.OptionalEnum<ChannelCode>("channelCode");

            // No seeded rate plan is a promotional or corporate one: the public offers are returned for any code.
            query.Optional("promoCode");
            query.Optional("corporateCode");
            bool includeUnavailable = query.OptionalBoolean("includeUnavailable") ?? false;
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            ApaleoHotel hotel = Hotel;
            DateTimeOffset now = TimeProvider.GetUtcNow();
            StayQuery stay = stayParameters.ToStay(hotel.Catalog.Zone);
            var messages = new List<string>();
            if (propertyId != hotel.Catalog.PropertyId)
            {
                messages.Add($"Property '{propertyId}' not found.");
            }

            messages.AddRange(ApaleoHotel.CheckStay(stay, hotel.TodayAt(now)));
            if (messages.Count > 0)
            {
                return ApaleoRefusal.Rule(messages).ToResult();
            }

            bool overnight = template == TimeSliceTemplate.OverNight
                && (timeSliceDefinitionIds.Count == 0 || timeSliceDefinitionIds.Contains(TimeSliceDefinitionId(hotel.Catalog), StringComparer.Ordinal));
            IReadOnlyList<OfferModel> offers = overnight ? hotel.Offers(stay, new OfferFilter(unitGroupIds, types, channel, includeUnavailable), now) : [];
            return offers.Count == 0 ? Results.NoContent() : Json(new StayOffersModel(hotel.Catalog.EmbeddedProperty, offers));
        }).RequireBearerToken(Tokens, scopes);

        routes.MapGet("/booking/v1/service-offers", (HttpContext context, CancellationToken cancellationToken) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            string ratePlanId = query.Required("ratePlanId");
            StayParameters stayParameters = ReadStay(query);
            ChannelCode? channel = query.OptionalEnum<ChannelCode>("channelCode");
            bool onlyDefaultDates = query.OptionalBoolean("onlyDefaultDates") ?? true;
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            ApaleoHotel hotel = Hotel;
            StayQuery stay = stayParameters.ToStay(hotel.Catalog.Zone);
            var messages = new List<string>(ApaleoHotel.CheckStay(stay, hotel.TodayAt(TimeProvider.GetUtcNow())));
            RatePlanDef? plan = hotel.Catalog.FindRatePlan(ratePlanId);
            if (plan is null)
            {
                messages.Insert(0, $"Rate plan '{ratePlanId}' not found.");
            }

            if (messages.Count > 0 || plan is null)
            {
                return ApaleoRefusal.Rule(messages).ToResult();
            }

            IReadOnlyList<ServiceOfferModel> offers = hotel.ServiceOffers(plan, stay, channel, onlyDefaultDates);
            return offers.Count == 0 ? Results.NoContent() : Json(new ServiceOffersModel(offers));
        }).RequireBearerToken(Tokens, scopes);

        routes.MapGet("/booking/v1/reservations/{id}/service-offers", (string id, HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            ChannelCode? channel = query.OptionalEnum<ChannelCode>("channelCode");
            bool onlyDefaultDates = query.OptionalBoolean("onlyDefaultDates") ?? true;
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            return Hotel.ServiceOffers(id, channel, onlyDefaultDates) switch
            {
                null => Results.NotFound(),
                { Count: 0 } => Results.NoContent(),
                { } offers => Json(new ServiceOffersModel(offers)),
            };
        }).RequireBearerToken(Tokens, scopes);
    }

    /// <summary>Reads the stay of an offer request: <c>arrival</c> and <c>departure</c> (pure dates or date-times), <c>adults</c> (required) and <c>childrenAges</c>.</summary>
    private static StayParameters ReadStay(QueryReader query) => new(
        RequiredDateValue(query, "arrival"),
        RequiredDateValue(query, "departure"),
        query.RequiredInt32("adults"),
        query.OptionalList("childrenAges", Int32Parser, "an integer"));

    /// <summary>The stay as sent, turned into property dates once the property is known.</summary>
    private sealed record StayParameters(ApaleoDateValue Arrival, ApaleoDateValue Departure, int Adults, IReadOnlyList<int> ChildrenAges)
    {
        public StayQuery ToStay(TimeZoneInfo zone) => new(Arrival.ToPropertyDate(zone), Departure.ToPropertyDate(zone), Adults, ChildrenAges);
    }
}
