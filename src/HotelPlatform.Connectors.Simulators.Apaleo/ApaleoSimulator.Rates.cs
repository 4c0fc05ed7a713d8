using HotelPlatform.Connectors.Simulators.Apaleo.State;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>
/// Rate Plan API rates (rateplan-v1, 2026: <c>RateplanRate-plansByIdRatesGet</c> and <c>...Put</c>): read and write the
/// price and restrictions of a rate plan per time slice; offers and bookings sell from what was written.
/// </summary>
public sealed partial class ApaleoSimulator
{
    private void MapRates(IEndpointRouteBuilder routes)
    {
        // "To be able to read rates for a corporate rate plan ..." — no seeded plan is corporate, so rates.read suffices.
        routes.MapGet("/rateplan/v1/rate-plans/{id}/rates", (string id, HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            ApaleoDateValue from = RequiredDateValue(query, "from");
            ApaleoDateValue to = RequiredDateValue(query, "to");
            Paging paging = ReadPaging(query, SpecDefaultPageSize);
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            ApaleoHotel hotel = Hotel;
            DateTimeOffset start = RateBound(hotel.Catalog, from);
            DateTimeOffset end = RateBound(hotel.Catalog, to);
            if (hotel.CheckRateRange(start, end) is { Count: > 0 } messages)
            {
                return ApaleoRefusal.Rule(messages).ToResult();
            }

            return hotel.Rates(id, start, end) is { } rates
                ? Page(rates, paging, (page, count) => new RateListModel(page, count))
                : Results.NotFound();
        }).RequireBearerToken(Tokens, "rates.read", "rates.manage");

        routes.MapPut("/rateplan/v1/rate-plans/{id}/rates", async (string id, HttpContext context) =>
        {
            if (Validation.ReadQuery(context).Complete() is { } rejected)
            {
                return rejected;
            }

            BodyReadResult<ReplaceRateListModel> body = await Validation.ReadJsonAsync(context, ApaleoJson.Info<ReplaceRateListModel>()).ConfigureAwait(false);
            if (!body.IsValid)
            {
                return body.Rejection;
            }

            ApaleoRefusal? refusal = Hotel.ReplaceRates(id, body.Value.Rates);
            return refusal?.ToResult() ?? Results.NoContent();
        }).RequireBearerToken(Tokens, "rates.manage");
    }

    /// <summary>A <c>from</c>/<c>to</c> of the rates: a date-time as sent, a pure date as its start at the property.</summary>
    private static DateTimeOffset RateBound(ApaleoCatalog catalog, ApaleoDateValue value) =>
        value.Instant ?? catalog.At(value.Date!.Value, TimeOnly.MinValue);
}
