using HotelPlatform.Connectors.Simulators.Apaleo.State;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>Booking API reservation actions (amend, cancel, assign unit, check in, check out, no-show, book service) and a reservation's services.</summary>
public sealed partial class ApaleoSimulator
{
    private void MapReservationActions(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder actions = routes.MapGroup("/booking/v1/reservation-actions/{id}").RequireBearerToken(Tokens, "reservations.manage");

        actions.MapPut("/amend", (string id, HttpContext context) =>
            RespondToBodyAsync<DesiredStayDetailsModel>(context, stay => Hotel.Amend(id, stay, TimeProvider.GetUtcNow())));

        actions.MapPut("/cancel", (string id, HttpContext context) =>
            Validation.ReadQuery(context).Complete() ?? RefuseBody(context) ?? Respond(context, Hotel.Cancel(id, TimeProvider.GetUtcNow())));

        actions.MapPut("/checkin", (string id, HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);

            // booking-v1: "Define if city tax should be added for this reservation or not. The default is "true"."
            bool withCityTax = query.OptionalBoolean("withCityTax") ?? true;
            return query.Complete() ?? RefuseBody(context) ?? Respond(context, Hotel.CheckIn(id, withCityTax, TimeProvider.GetUtcNow()));
        });

        actions.MapPut("/checkout", (string id, HttpContext context) =>
            Validation.ReadQuery(context).Complete() ?? RefuseBody(context) ?? Respond(context, Hotel.CheckOut(id, TimeProvider.GetUtcNow())));

        actions.MapPut("/noshow", (string id, HttpContext context) =>
            Validation.ReadQuery(context).Complete() ?? RefuseBody(context) ?? Respond(context, Hotel.NoShow(id, TimeProvider.GetUtcNow())));

        actions.MapPut("/book-service", (string id, HttpContext context) =>
            RespondToBodyAsync<BookReservationServiceModel>(context, service => Hotel.BookService(id, service, TimeProvider.GetUtcNow())));

        routes.MapPut("/booking/v1/reservation-actions/{id}/assign-unit", (string id, HttpContext context) =>
        {
            if ((Validation.ReadQuery(context).Complete() ?? RefuseBody(context)) is { } rejected)
            {
                return rejected;
            }

            (AutoAssignedUnitListModel? assigned, ApaleoRefusal? refusal, IReadOnlyList<HotelEvent> events) = Hotel.AssignUnit(id, TimeProvider.GetUtcNow());
            if (refusal is not null)
            {
                return refusal.ToResult();
            }

            Publish(context, events);
            return Json(assigned!);
        }).RequireBearerToken(Tokens, "reservations.assign-unit", "reservations.manage");

        routes.MapGet("/booking/v1/reservations/{id}/services", (string id, HttpContext context) =>
        {
            if (Validation.ReadQuery(context).Complete() is { } rejected)
            {
                return rejected;
            }

            return Hotel.BookedServices(id) switch
            {
                null => Results.NotFound(),
                { Count: 0 } => Results.NoContent(),
                { } services => Json(new ReservationServiceListModel(services, services.Count)),
            };
        }).RequireBearerToken(Tokens, "reservations.read", "reservations.manage");

        routes.MapDelete("/booking/v1/reservations/{id}/services", (string id, HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            string serviceId = query.Required("serviceId");
            return query.Complete() ?? Respond(context, Hotel.RemoveService(id, serviceId, TimeProvider.GetUtcNow()));
        }).RequireBearerToken(Tokens, "reservations.manage");
    }

    /// <summary>Reads an action's body strictly (and refuses any query), then answers as <see cref="Respond"/>.</summary>
    private async Task<IResult> RespondToBodyAsync<T>(HttpContext context, Func<T, (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events)> act)
    {
        if (Validation.ReadQuery(context).Complete() is { } rejected)
        {
            return rejected;
        }

        BodyReadResult<T> body = await Validation.ReadJsonAsync(context, ApaleoJson.Info<T>()).ConfigureAwait(false);
        return body.IsValid ? Respond(context, act(body.Value)) : body.Rejection;
    }

    /// <summary>204 and the events announced, or the refusal.</summary>
    private IResult Respond(HttpContext context, (ApaleoRefusal? Refusal, IReadOnlyList<HotelEvent> Events) outcome)
    {
        if (outcome.Refusal is not null)
        {
            return outcome.Refusal.ToResult();
        }

        Publish(context, outcome.Events);
        return Results.NoContent();
    }
}
