using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using HotelPlatform.Connectors.Simulators.Apaleo.State;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>Booking API: create and read a booking, read and list reservations, patch a reservation.</summary>
public sealed partial class ApaleoSimulator
{
    private static readonly string[] ListExpansions = ["booker", "actions", "timeSlices", "services", "assignedUnits", "company"];

    private static readonly string[] BookingExpansions = ["property", "unitGroup", "ratePlan", "services", "reservations", "propertyValues"];

    private static readonly string[] SortValues =
    [
        "arrival:asc", "arrival:desc", "departure:asc", "departure:desc", "created:asc", "created:desc", "updated:asc", "updated:desc",
        "id:asc", "id:desc", "firstname:asc", "firstname:desc", "lastname:asc", "lastname:desc", "unitname:asc", "unitname:desc",
    ];

    private void MapBookings(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/booking/v1/bookings", (HttpContext context, CancellationToken cancellationToken) =>
        {
            if (Validation.ReadQuery(context).Complete() is { } rejected)
            {
                return Task.FromResult(rejected);
            }

            // Keys are scoped to the client and account, like everything else a client does.
            string scope = $"{context.GetBearerToken()!.ClientId}|{ApaleoOptions.AccountCode}";
            return Idempotency.ExecuteAsync(context, scope, async () =>
            {
                BodyReadResult<CreateBookingModel> body = await Validation.ReadJsonAsync(context, ApaleoJson.Info<CreateBookingModel>()).ConfigureAwait(false);
                if (!body.IsValid)
                {
                    return body.Rejection;
                }

                (BookingCreatedModel? created, ApaleoRefusal? refusal, IReadOnlyList<HotelEvent> events) = Hotel.CreateBooking(body.Value, TimeProvider.GetUtcNow());
                if (refusal is not null)
                {
                    return refusal.ToResult();
                }

                Publish(context, events);
                context.Response.Headers.Location = $"/booking/v1/bookings/{created!.Id}";
                return Json(created, StatusCodes.Status201Created);
            });
        }).RequireBearerToken(Tokens, "reservations.create", "reservations.manage");

        routes.MapGet("/booking/v1/bookings/{id}", (string id, HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);

            // booking-v1 lists property, unitGroup, ratePlan, services, reservations and propertyValues. The embedded
            // property, unit group and rate plan are always complete here, and a booking is read "with all its
            // reservations", so only services and propertyValues change the answer.
            BookingExpansion expansion = ReadChoices(query, "expand", BookingExpansions).Aggregate(BookingExpansion.None, (all, name) => all | name switch
            {
                "services" => BookingExpansion.Services,
                "propertyValues" => BookingExpansion.PropertyValues,
                _ => BookingExpansion.None,
            });
            return query.Complete() ?? RefuseBody(context) ?? (Hotel.DescribeBooking(id, expansion) is { } booking ? Json(booking) : Results.NotFound());
        }).RequireBearerToken(Tokens, "reservations.read", "reservations.manage");

        RouteGroupBuilder reservations = routes.MapGroup("/booking/v1/reservations");
        reservations.MapGet(string.Empty, (HttpContext context, CancellationToken cancellationToken) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            ReservationListQuery filter = ReadReservationFilter(query);
            ReservationExpansion expansion = ReadExpansion(query);

            // booking-v1: "If this is not set, the pageNumber will be ignored and all values returned".
            Paging paging = ReadPaging(query, defaultPageSize: null);
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            var messages = new List<string>();
            if (filter.DateFilter is null && (filter.From is not null || filter.To is not null))
            {
                // Not documented; chosen so that a forgotten dateFilter does not silently list everything.
                messages.Add("'from' and 'to' filter by date only together with 'dateFilter'.");
            }

            if (filter.DateFilter is not null && filter.From is null && filter.To is null)
            {
                messages.Add("When filtering by date, at least one of 'from' and 'to' has to be specified.");
            }

            if (filter.From is { } from && filter.To is { } to && to <= from)
            {
                messages.Add("'to' must be larger than 'from'.");
            }

            if (messages.Count > 0)
            {
                return ApaleoRefusal.Rule(messages).ToResult();
            }

            (IReadOnlyList<ReservationModel> page, int total) = Hotel.List(filter, expansion, paging.Number, paging.Size);
            return page.Count == 0 ? Results.NoContent() : Json(new ReservationListModel(page, total));
        });

        reservations.MapGet("/{id}", (string id, HttpContext context) =>
        {
            QueryReader query = Validation.ReadQuery(context);
            ReservationExpansion expansion = ReadExpansion(query);
            if (query.Complete() is { } rejected)
            {
                return rejected;
            }

            return Hotel.Describe(id, expansion) is { } reservation ? Json(reservation) : Results.NotFound();
        });

        reservations.RequireBearerToken(Tokens, "reservations.read", "reservations.manage");

        routes.MapPatch("/booking/v1/reservations/{id}", async (string id, HttpContext context) =>
        {
            if (Validation.ReadQuery(context).Complete() is { } rejected)
            {
                return rejected;
            }

            BodyReadResult<List<PatchOperationModel>> body = await Validation.ReadJsonAsync(context, ApaleoJson.Info<List<PatchOperationModel>>()).ConfigureAwait(false);
            if (!body.IsValid)
            {
                return body.Rejection;
            }

            // The values are read into their members' strict models before anything changes, so a patch applies whole or not at all.
            var violations = new List<ValidationViolation>();
            var changes = new List<Action<StoredReservation>>();
            var rules = new List<string>();
            for (int i = 0; i < body.Value.Count; i++)
            {
                if (ReservationPatch.Prepare(body.Value[i], $"$[{i.ToString(CultureInfo.InvariantCulture)}]", violations, rules) is { } change)
                {
                    changes.Add(change);
                }
            }

            if (violations.Count > 0)
            {
                return Validation.Reject(context, violations);
            }

            if (body.Value.Count == 0)
            {
                rules.Add("The patch has no operations.");
            }

            if (rules.Count > 0)
            {
                return Hotel.Describe(id, ReservationExpansion.None) is null ? Results.NotFound() : ApaleoRefusal.Rule(rules).ToResult();
            }

            (ApaleoRefusal? refusal, IReadOnlyList<HotelEvent> events) = Hotel.Modify(
                id,
                reservation => changes.ForEach(change => change(reservation)),
                TimeProvider.GetUtcNow());
            if (refusal is not null)
            {
                return refusal.ToResult();
            }

            Publish(context, events);
            return Results.NoContent();
        }).RequireBearerToken(Tokens, "reservations.manage");
    }

    private static ReservationExpansion ReadExpansion(QueryReader query) =>
        ReadChoices(query, "expand", ListExpansions).Aggregate(ReservationExpansion.None, (all, name) => all | name switch
        {
            "booker" => ReservationExpansion.Booker,
            "actions" => ReservationExpansion.Actions,
            "timeSlices" => ReservationExpansion.TimeSlices,
            "services" => ReservationExpansion.Services,
            "assignedUnits" => ReservationExpansion.AssignedUnits,
            _ => ReservationExpansion.Company,
        });

    private static ReservationListQuery ReadReservationFilter(QueryReader query) => new()
    {
        BookingId = query.Optional("bookingId"),
        PropertyIds = query.OptionalList("propertyIds"),
        RatePlanIds = query.OptionalList("ratePlanIds"),
        CompanyIds = query.OptionalList("companyIds"),
        UnitIds = query.OptionalList("unitIds"),
        UnitGroupIds = query.OptionalList("unitGroupIds"),
        UnitGroupTypes = query.OptionalEnumList<UnitGroupType>("unitGroupTypes"),
        BlockIds = query.OptionalList("blockIds"),
        Statuses = query.OptionalEnumList<ApaleoReservationStatus>("status"),
        DateFilter = query.OptionalEnum<ReservationDateFilter>("dateFilter"),
        From = query.OptionalDateTime("from", allowFractionalSeconds: false),
        To = query.OptionalDateTime("to", allowFractionalSeconds: false),
        ChannelCodes = query.OptionalEnumList<ChannelCode>("channelCode"),
        Sources = query.OptionalList("sources"),
        ValidationMessageCategories = ReadChoices(query, "validationMessageCategory", "OfferNotAvailable", "AutoUnitAssignment"),
        ExternalCode = query.Optional("externalCode"),
        TextSearch = query.Optional("textSearch"),
        BalanceFilter = query.OptionalList<BalanceCondition>("balanceFilter", TryParseBalanceCondition, "an expression OPERATION_VALUE with OPERATION eq, neq, lt, gt, lte or gte and a number VALUE"),
        AllFoliosHaveInvoice = query.OptionalBoolean("allFoliosHaveInvoice"),
        Sort = [.. ReadChoices(query, "sort", SortValues).Select(s => new ReservationSort(s[..s.IndexOf(':', StringComparison.Ordinal)], s.EndsWith(":desc", StringComparison.Ordinal)))],
    };

    private static bool TryParseBalanceCondition(string text, [MaybeNullWhen(false)] out BalanceCondition condition)
    {
        condition = null;
        int underscore = text.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || text[..underscore] is not ("eq" or "neq" or "lt" or "gt" or "lte" or "gte")
            || !decimal.TryParse(text[(underscore + 1)..], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
        {
            return false;
        }

        condition = new BalanceCondition(text[..underscore], value);
        return true;
    }
}
