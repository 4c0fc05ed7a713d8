using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators.Opera;

/// <summary>The OHIP operations of the simulator.</summary>
public sealed partial class OperaSimulator
{
    private const int MaxRoomTypeLimit = 1000;
    private const int MaxProfileLimit = 200;
    private const int MaxEventLimit = 20;
    private const int MaxSpanDays = 90;

    private IResult GetRoomTypes(HttpContext context, string hotelId)
    {
        if (ReadLimit(context, MaxRoomTypeLimit, out var limit, out var offset) is { } refusal)
        {
            return refusal;
        }

        var all = RoomTypeCodes.Select(code => (JsonNode)new JsonObject
        {
            ["roomType"] = code,
            ["shortDescription"] = new JsonObject { ["defaultText"] = code switch { "KING" => "King room", "TWIN" => "Twin room", _ => "Suite" } },
            ["maximumOccupancy"] = code == "SUITE" ? 4 : 2,
            ["numberOfRooms"] = code == "SUITE" ? 2 : OperaOptions.RoomsPerType,
            ["pseudo"] = false,
            ["inactive"] = false,
        }).ToList();
        var page = all.Skip(offset).Take(limit).ToList();
        return Json(new JsonObject
        {
            ["roomTypes"] = new JsonArray(new JsonObject { ["roomType"] = new JsonArray([.. page]), ["hotelId"] = hotelId }),
            ["hasMore"] = offset + page.Count < all.Count,
            ["totalResults"] = all.Count,
            ["count"] = page.Count,
        });
    }

    private IResult GetRatePlans(string hotelId) => Json(new JsonObject
    {
        ["ratePlans"] = new JsonArray([.. RatePlanCodes.Select(code => (JsonNode)new JsonObject
        {
            ["ratePlanCode"] = code,
            ["hotelId"] = hotelId,
            ["primaryDetails"] = new JsonObject { ["description"] = new JsonObject { ["defaultText"] = code == "BAR" ? "Best available rate" : "Non refundable" } },
            ["transactionDetails"] = new JsonObject { ["currencyCode"] = OperaOptions.Currency },
            ["roomTypeList"] = new JsonArray([.. RoomTypeCodes.Select(r => (JsonNode)new JsonObject { ["code"] = r })]),
        })]),
    });

    private IResult GetInventory(HttpContext context, string hotelId)
    {
        var query = Validation.ReadQuery(context);
        var start = query.RequiredDate("dateRangeStart");
        var end = query.RequiredDate("dateRangeEnd");
        query.RequiredInt32("roomCountRequested", minimum: 0);
        var roomTypes = query.OptionalList("roomTypes", QueryListStyle.Repeated);
        query.Allow("dailyInventory", "houseLevel", "roomClasses", "includeTentativeInventory", "includeOverbooking");
        if (query.Complete() is { } refusal)
        {
            return refusal;
        }

        if (end < start || end.DayNumber - start.DayNumber + 1 > MaxSpanDays)
        {
            return Problem(400, "Bad Request", $"The date range must be 1 to {MaxSpanDays} days.", "INVALID_DATE_RANGE", "dateRangeEnd");
        }

        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            var levels = new JsonArray();
            foreach (var code in RoomTypeCodes.Where(r => roomTypes.Count == 0 || roomTypes.Contains(r)))
            {
                var counts = new JsonArray();
                for (var night = start; night <= end; night = night.AddDays(1))
                {
                    var free = Free(hotel, code, night);
                    counts.Add(new JsonObject { ["available"] = free > 0, ["availableCount"] = free, ["startDate"] = Date(night), ["endDate"] = Date(night) });
                }

                levels.Add(new JsonObject { ["code"] = code, ["inventoryCounts"] = counts });
            }

            return Json(new JsonObject { ["hotelInventories"] = new JsonArray(new JsonObject { ["roomTypeInventories"] = levels }) });
        }
    }

    private IResult GetRestrictions(HttpContext context, string hotelId)
    {
        var query = Validation.ReadQuery(context);
        var start = query.RequiredDate("restrictionSearchCriteriaStartDate");
        var end = query.RequiredDate("end");
        var roomType = query.Optional("roomType");
        var ratePlan = query.Optional("ratePlanCode");
        query.Allow("chainName", "fetchSizeByDay", "limit", "restrictionInfo", "bookingChannelCode", "ratePlanCategory", "roomClass", "filterCodeCategory", "filterCode", "houseLevelRestriction");
        if (query.Complete() is { } refusal)
        {
            return refusal;
        }

        if (end < start)
        {
            return Problem(400, "Bad Request", "end must not be before restrictionSearchCriteriaStartDate.", "INVALID_DATE_RANGE", "end");
        }

        lock (_gate)
        {
            var sets = Hotel(hotelId).Restrictions
                .Where(r => r.Start <= end && start <= r.End && (roomType is null || r.RoomType == roomType) && (ratePlan is null || r.RatePlanCode == ratePlan))
                .Select(r => (JsonNode)r.ToJson());
            var list = new JsonArray([.. sets]);
            return Json(new JsonObject { ["restrictionsByDateRange"] = new JsonObject { ["restrictionSets"] = list, ["hotelId"] = hotelId, ["hasMore"] = false, ["count"] = list.Count } });
        }
    }

    private static SimRestriction? Restricted(SimHotel hotel, string roomType, string ratePlan, DateOnly arrival, DateOnly departure) =>
        hotel.Restrictions.FirstOrDefault(r => r.Forbids(roomType, ratePlan, arrival, departure));

    private IResult GetAvailability(HttpContext context, string hotelId)
    {
        var query = Validation.ReadQuery(context);
        var start = query.RequiredDate("roomStayStartDate");
        var end = query.RequiredDate("roomStayEndDate");
        var adults = query.OptionalInt32("adults", minimum: 1) ?? 1;
        query.OptionalInt32("roomStayQuantity", minimum: 1);
        query.OptionalInt32("children", minimum: 0);
        query.OptionalList("childAge", QueryListStyle.Repeated);
        var ratePlan = query.Optional("ratePlanCode");
        var roomType = query.Optional("roomType");
        query.Optional("promotionCode");
        var limit = query.OptionalInt32("limit", minimum: 1) ?? OperaOptions.AvailabilityPageSize;
        var pointer = query.Optional("pagePointerKey");
        if (query.Complete() is { } refusal)
        {
            return refusal;
        }

        if (end <= start || end.DayNumber - start.DayNumber > MaxSpanDays)
        {
            return Problem(400, "Bad Request", $"The stay must be 1 to {MaxSpanDays} nights.", "INVALID_DATE_RANGE", "roomStayEndDate");
        }

        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            var rates = new JsonArray();
            foreach (var code in RoomTypeCodes.Where(r => roomType is null || r == roomType))
            {
                var free = Enumerable.Range(0, end.DayNumber - start.DayNumber).Min(n => Free(hotel, code, start.AddDays(n)));
                if ((code == "SUITE" ? 4 : 2) < adults)
                {
                    continue;
                }

                foreach (var plan in RatePlanCodes.Where(p => ratePlan is null || p == ratePlan))
                {
                    var nightly = PricedNights(hotel, code, plan, start, end, adults, out var total);
                    rates.Add(new JsonObject
                    {
                        ["roomType"] = code,
                        ["ratePlanCode"] = plan,
                        ["start"] = Date(start),
                        ["end"] = Date(end.AddDays(-1)),
                        ["availability"] = free <= 0 ? "RestrictedDueToInventory" : Restricted(hotel, code, plan, start, end) is not null ? "Restricted" : "Available",
                        ["numberOfUnits"] = free,
                        ["total"] = new JsonObject { ["amountBeforeTax"] = total, ["amountAfterTax"] = total, ["currencyCode"] = OperaOptions.Currency },
                        ["rates"] = nightly,
                    });
                }
            }

            if (rates.Count == 0)
            {
                return Results.NoContent();
            }

            // par pages by record key: pagePointerKey is the key ("roomType,ratePlanCode") of the last record fetched.
            var keys = rates.Select(r => PagingKey((string)r!["roomType"]!, (string)r["ratePlanCode"]!)).ToList();
            var from = pointer is null ? 0 : keys.IndexOf(pointer) + 1;
            if (from == 0 && pointer is not null)
            {
                return Problem(400, "Bad Request", $"pagePointerKey '{pointer}' is not the key of a record of this search.", "INVALID_PAGE_POINTER", "pagePointerKey");
            }

            var page = new JsonArray([.. rates.Skip(from).Take(limit).Select(r => r!.DeepClone())]);
            var segment = new JsonObject { ["hotelId"] = hotelId, ["roomStays"] = new JsonArray(new JsonObject { ["arrivalDate"] = Date(start), ["departureDate"] = Date(end), ["roomRates"] = page }) };
            var more = from + page.Count < rates.Count;
            segment["hasMore"] = more;
            segment["totalResults"] = rates.Count;
            segment["count"] = page.Count;
            if (more)
            {
                segment["pagingKey"] = keys[from + page.Count - 1];
            }

            return Json(new JsonObject { ["hotelAvailability"] = new JsonArray(segment) });
        }
    }

    private async Task<IResult> CreateReservationAsync(HttpContext context, string hotelId, string? blockId)
    {
        var (body, refusal) = await ReadBodyAsync(context, OperaShapes.CreateReservation).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body!["reservations"]?["reservation"] is not JsonArray { Count: 1 } list || list[0] is not JsonObject item)
        {
            return Problem(400, "Bad Request", "reservations.reservation must hold one reservation.", "INVALID_RESERVATION", "reservations.reservation");
        }

        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            if (blockId is not null && !hotel.Blocks.ContainsKey(blockId))
            {
                return Problem(404, "Not Found", $"Block '{blockId}' does not exist.", "BLOCK_NOT_FOUND");
            }

            if (ReadStay(item["roomStay"]) is not { } stay)
            {
                return Problem(400, "Bad Request", "roomStay needs arrivalDate, departureDate after it and one room rate with roomType and ratePlanCode.", "INVALID_ROOM_STAY", "roomStay");
            }

            if (Enumerable.Range(0, stay.Departure.DayNumber - stay.Arrival.DayNumber).Any(n => Free(hotel, stay.RoomType, stay.Arrival.AddDays(n)) <= 0))
            {
                return Problem(409, "Conflict", $"No availability for room type {stay.RoomType} on the requested dates.", "NO_AVAILABILITY");
            }

            if (Restricted(hotel, stay.RoomType, stay.RatePlan, stay.Arrival, stay.Departure) is { } restriction)
            {
                return Problem(409, "Conflict", $"Rate {stay.RatePlan} is not available for room type {stay.RoomType}: restriction {restriction.Code}.", "RESTRICTED");
            }

            var reference = item["externalReferences"]?.AsArray().FirstOrDefault(r => (string?)r?["idContext"] == OperaOptions.ExternalSystemCode)?["id"]?.GetValue<string>();
            if (reference is not null && hotel.Reservations.Values.Any(r => r.ClientReference == reference))
            {
                return Problem(409, "Conflict", $"External reference '{reference}' is already used.", "DUPLICATE_EXTERNAL_REFERENCE");
            }

            var packages = new List<SimReservationPackage>();
            if (item["reservationPackages"] is JsonArray ordered && ReadPackages(ordered, stay.Arrival, stay.Departure, out packages) is { } invalidPackage)
            {
                return invalidPackage;
            }

            var id = NextId();
            var now = TimeProvider.GetUtcNow();
            var reservation = new SimReservation(id, "C" + id, stay.Arrival, stay.Departure, stay.RoomType, stay.RatePlan, stay.Adults, stay.ChildAges)
            {
                ClientReference = reference,
                BlockId = blockId,
                Created = now,
                Modified = now,
            };
            ApplyGuestAndComments(reservation, item);
            reservation.Packages.AddRange(packages);
            hotel.Reservations[id] = reservation;
            Enqueue(hotel, reservation, "NEW RESERVATION");
            context.Response.Headers.Location = new Uri(BaseAddress, $"rsv/v1/hotels/{hotelId}/reservations/{id}").ToString();
            return Json(new JsonObject { ["links"] = new JsonArray() }, 201);
        }
    }

    private IResult GetReservation(HttpContext context, string hotelId, string reservationId)
    {
        var query = Validation.ReadQuery(context);
        var instructions = query.OptionalList("fetchInstructions", QueryListStyle.Repeated);
        query.Allow("profileExternalReferencesToFetch", "allowedActions", "markAsRecentlyAccessed", "includeInSession");
        if (query.Complete() is { } refusal)
        {
            return refusal;
        }

        lock (_gate)
        {
            if (!Hotel(hotelId).Reservations.TryGetValue(reservationId, out var stored))
            {
                return Results.NoContent();
            }

            // With fetchInstructions, OHIP returns what they name: comments for Comments/GuestComments, packages for Packages.
            var full = Full(hotelId, stored);
            if (instructions.Count > 0 && !instructions.Any(i => i is "Comments" or "GuestComments"))
            {
                full.Remove("comments");
            }

            if (instructions.Count > 0 && !instructions.Contains("Packages"))
            {
                full.Remove("reservationPackages");
            }

            return Json(new JsonObject { ["reservations"] = new JsonObject { ["reservation"] = new JsonArray(full) } });
        }
    }

    private IResult GetReservationByExternalId(string hotelId, string externalSystemCode, string externalId)
    {
        lock (_gate)
        {
            var stored = externalSystemCode == OperaOptions.ExternalSystemCode
                ? Hotel(hotelId).Reservations.Values.FirstOrDefault(r => r.ClientReference == externalId)
                : null;
            return stored is null ? Results.NoContent() : Json(new JsonObject { ["reservations"] = new JsonObject { ["reservation"] = new JsonArray(Full(hotelId, stored)) } });
        }
    }

    private async Task<IResult> ChangeReservationAsync(HttpContext context, string hotelId, string reservationId)
    {
        var (body, refusal) = await ReadBodyAsync(context, OperaShapes.ChangeReservation).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body!["reservations"] is not JsonArray { Count: 1 } list || list[0] is not JsonObject item)
        {
            return Problem(400, "Bad Request", "reservations must hold one reservation.", "INVALID_RESERVATION", "reservations");
        }

        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            if (Changeable(hotel, reservationId, "be changed", out var stored) is { } refused)
            {
                return refused;
            }

            var changed = stored;
            if (item["roomStay"] is { } roomStay)
            {
                if (ReadStay(roomStay) is not { } stay)
                {
                    return Problem(400, "Bad Request", "roomStay is incomplete.", "INVALID_ROOM_STAY", "roomStay");
                }

                hotel.Reservations.Remove(reservationId);
                var free = Enumerable.Range(0, stay.Departure.DayNumber - stay.Arrival.DayNumber).All(n => Free(hotel, stay.RoomType, stay.Arrival.AddDays(n)) > 0);
                hotel.Reservations[reservationId] = stored;
                if (!free)
                {
                    return Problem(409, "Conflict", $"No availability for room type {stay.RoomType} on the requested dates.", "NO_AVAILABILITY");
                }

                if ((stay.Arrival, stay.Departure, stay.RoomType, stay.RatePlan) != (stored.Arrival, stored.Departure, stored.RoomType, stored.RatePlan)
                    && Restricted(hotel, stay.RoomType, stay.RatePlan, stay.Arrival, stay.Departure) is { } restriction)
                {
                    return Problem(409, "Conflict", $"Rate {stay.RatePlan} is not available for room type {stay.RoomType}: restriction {restriction.Code}.", "RESTRICTED");
                }

                changed = stored with { Arrival = stay.Arrival, Departure = stay.Departure, RoomType = stay.RoomType, RatePlan = stay.RatePlan, Adults = stay.Adults, ChildAges = stay.ChildAges };
                changed.Status = stored.Status;
                changed.Guest = stored.Guest;
                changed.ProfileId = stored.ProfileId;
                changed.ClientReference = stored.ClientReference;
                changed.BlockId = stored.BlockId;
                changed.Created = stored.Created;
                changed.Comments.AddRange(stored.Comments);
            }

            ApplyGuestAndComments(changed, item);
            changed.Modified = TimeProvider.GetUtcNow();
            hotel.Reservations[reservationId] = changed;
            Enqueue(hotel, changed, "UPDATE RESERVATION");
            return Json(new JsonObject { ["reservations"] = new JsonObject { ["reservation"] = new JsonArray(Full(hotelId, changed)) } });
        }
    }

    private async Task<IResult> CancelReservationAsync(HttpContext context, string hotelId, string reservationId)
    {
        var (body, refusal) = await ReadBodyAsync(context, OperaShapes.CancelReservation).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            if (!hotel.Reservations.TryGetValue(reservationId, out var stored))
            {
                return Problem(404, "Not Found", $"Reservation '{reservationId}' does not exist.", "RESERVATION_NOT_FOUND");
            }

            if (stored.Status is not ("Reserved" or "DueIn" or "Requested" or "Waitlisted"))
            {
                return Problem(400, "Bad Request", $"A reservation in status {stored.Status} cannot be cancelled.", "INVALID_RESERVATION_STATUS");
            }

            stored.Status = "Cancelled";
            Touch(hotel, stored, "CANCEL");
            return Json(
                new JsonObject
                {
                    ["cxlActivityLog"] = new JsonArray(new JsonObject
                    {
                        ["cancellationIdList"] = new JsonArray(new JsonObject { ["id"] = "X" + reservationId, ["type"] = "Cancellation" }),
                        ["reason"] = body!["reason"]?.DeepClone(),
                    }),
                },
                201);
        }
    }

    private IResult SearchReservations(HttpContext context, string hotelId)
    {
        var query = Validation.ReadQuery(context);
        if (ReadLimit(context, int.MaxValue, out var limit, out var offset, query) is { } refusal)
        {
            return refusal;
        }

        var searchType = query.Optional("searchType");
        var arrivalStart = query.OptionalDate("arrivalStartDate");
        var arrivalEnd = query.OptionalDate("arrivalEndDate");
        var departureStart = query.OptionalDate("departureStartDate");
        var departureEnd = query.OptionalDate("departureEndDate");
        var stayDate = query.OptionalDate("stayDate");
        var confirmation = query.OptionalList("confirmationNumberList", QueryListStyle.Repeated);
        var statuses = query.OptionalList("reservationStatuses", QueryListStyle.Repeated);
        query.Allow("orderBy", "sortOrder", "fetchInstructions");
        if (query.Complete() is { } invalid)
        {
            return invalid;
        }

        if (searchType is not null and not ("Arrival" or "Departure" or "InHouse" or "Any"))
        {
            return Problem(400, "Bad Request", $"searchType '{searchType}' is not supported by the simulator.", "INVALID_SEARCH_TYPE", "searchType");
        }

        lock (_gate)
        {
            var matches = Hotel(hotelId).Reservations.Values
                .Where(r => arrivalStart is null || r.Arrival >= arrivalStart)
                .Where(r => arrivalEnd is null || r.Arrival <= arrivalEnd)
                .Where(r => departureStart is null || r.Departure >= departureStart)
                .Where(r => departureEnd is null || r.Departure <= departureEnd)
                .Where(r => stayDate is null || (r.Arrival <= stayDate && stayDate < r.Departure))
                .Where(r => confirmation.Count == 0 || confirmation.Contains(r.Confirmation))
                .Where(r => statuses.Count == 0 || statuses.Contains(r.Status == "Reserved" ? "DueIn" : r.Status))
                .Where(r => searchType != "InHouse" || r.Status == "InHouse")
                .OrderBy(r => r.Arrival).ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();

            // OHIP caps what one search pages through: totalResults reports at most the cap and paging stops there.
            var total = Math.Min(matches.Count, OperaOptions.SearchResultCap);
            var page = matches.Take(total).Skip(offset).Take(limit).ToList();
            if (page.Count == 0 && offset == 0)
            {
                return Results.NoContent();
            }

            return Json(new JsonObject
            {
                ["reservations"] = new JsonObject
                {
                    ["reservationInfo"] = new JsonArray([.. page.Select(r => (JsonNode)Summary(hotelId, r))]),
                    ["offset"] = offset,
                    ["limit"] = limit,
                    ["hasMore"] = offset + page.Count < total,
                    ["totalResults"] = total,
                    ["count"] = page.Count,
                },
            });
        }
    }

    private IResult SearchProfiles(HttpContext context)
    {
        var query = Validation.ReadQuery(context);
        if (ReadLimit(context, MaxProfileLimit, out var limit, out var offset, query) is { } refusal)
        {
            return refusal;
        }

        var type = query.Optional("profileType");
        var surname = query.Optional("profileName");
        var given = query.Optional("givenName");
        var email = query.Optional("email");
        var phone = query.Optional("phone");
        if (query.Complete() is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            var matches = _profiles
                .Where(p => type is null or "Guest")
                .Where(p => surname is null || string.Equals((string?)p.Value["customer"]?["personName"]?[0]?["surname"], surname, StringComparison.OrdinalIgnoreCase))
                .Where(p => given is null || string.Equals((string?)p.Value["customer"]?["personName"]?[0]?["givenName"], given, StringComparison.OrdinalIgnoreCase))
                .Where(p => email is null || string.Equals((string?)p.Value["emails"]?["emailInfo"]?[0]?["email"]?["emailAddress"], email, StringComparison.OrdinalIgnoreCase))
                .Where(p => phone is null || (string?)p.Value["telephones"]?["telephoneInfo"]?[0]?["telephone"]?["phoneNumber"] == phone)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ToList();
            var page = matches.Skip(offset).Take(limit).ToList();
            return page.Count == 0 && offset == 0
                ? Results.NoContent()
                : Json(new JsonObject
                {
                    ["profileSummaries"] = new JsonObject
                    {
                        ["profileInfo"] = new JsonArray([.. page.Select(p => (JsonNode)new JsonObject { ["profileIdList"] = new JsonArray(new JsonObject { ["id"] = p.Key, ["type"] = "Profile" }) })]),
                        ["hasMore"] = offset + page.Count < matches.Count,
                        ["totalResults"] = Math.Min(matches.Count, 1000),
                        ["count"] = page.Count,
                    },
                });
        }
    }

    private IResult GetProfile(string profileId)
    {
        lock (_gate)
        {
            return _profiles.TryGetValue(profileId, out var profile)
                ? Json(new JsonObject { ["profileIdList"] = new JsonArray(new JsonObject { ["id"] = profileId, ["type"] = "Profile" }), ["profileDetails"] = profile.DeepClone() })
                : Results.NoContent();
        }
    }

    private async Task<IResult> CreateProfileAsync(HttpContext context)
    {
        var (body, refusal) = await ReadBodyAsync(context, OperaShapes.ProfileBody).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body!["profileDetails"]?["customer"]?["personName"]?[0]?["surname"] is null)
        {
            return Problem(400, "Bad Request", "A guest profile needs a surname.", "SURNAME_REQUIRED", "profileDetails.customer.personName.surname");
        }

        lock (_gate)
        {
            var id = NextId();
            _profiles[id] = (JsonObject)body["profileDetails"]!.DeepClone();
            context.Response.Headers.Location = new Uri(BaseAddress, $"crm/v1/profiles/{id}").ToString();
            return Json(new JsonObject { ["links"] = new JsonArray() }, 201);
        }
    }

    private async Task<IResult> ChangeProfileAsync(HttpContext context, string profileId)
    {
        var (body, refusal) = await ReadBodyAsync(context, OperaShapes.ProfileBody).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        lock (_gate)
        {
            if (!_profiles.ContainsKey(profileId))
            {
                return Problem(404, "Not Found", $"Profile '{profileId}' does not exist.", "PROFILE_NOT_FOUND");
            }

            _profiles[profileId] = (JsonObject)body!["profileDetails"]!.DeepClone();
            return Json(new JsonObject { ["profileIdList"] = new JsonArray(new JsonObject { ["id"] = profileId, ["type"] = "Profile" }), ["profileDetails"] = _profiles[profileId].DeepClone() });
        }
    }

    private async Task<IResult> CreateBlockAsync(HttpContext context, string hotelId)
    {
        var (body, refusal) = await ReadBodyAsync(context, OperaShapes.Block).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var details = body!["blocks"]?["blockInfo"]?[0]?["block"]?["blockDetails"];
        if (details?["blockCode"] is null || OperaShapes.DateOf(details["timeSpan"]?["startDate"]) is null || OperaShapes.DateOf(details["timeSpan"]?["endDate"]) is null)
        {
            return Problem(400, "Bad Request", "A block needs blockCode and timeSpan.startDate/endDate.", "INVALID_BLOCK", "blocks.blockInfo.block.blockDetails");
        }

        lock (_gate)
        {
            var id = NextId();
            var block = (JsonObject)body["blocks"]!["blockInfo"]![0]!["block"]!.DeepClone();
            block["blockIdList"] = new JsonArray(new JsonObject { ["id"] = id, ["type"] = "Block" });
            Hotel(hotelId).Blocks[id] = block;
            context.Response.Headers.Location = new Uri(BaseAddress, $"blk/v1/hotels/{hotelId}/blocks/{id}").ToString();
            return Json(new JsonObject { ["links"] = new JsonArray() }, 201);
        }
    }

    private IResult GetBlock(string hotelId, string blockId)
    {
        lock (_gate)
        {
            return Hotel(hotelId).Blocks.TryGetValue(blockId, out var block)
                ? Json(new JsonObject { ["blocks"] = new JsonObject { ["blockInfo"] = new JsonArray(new JsonObject { ["block"] = block.DeepClone() }) } })
                : Results.NoContent();
        }
    }

    /// <summary>Dequeues up to <c>limit</c> (at most 20) events: they are gone from the queue once answered.</summary>
    private IResult DequeueBusinessEvents(HttpContext context, string extSystemCode, string hotelId)
    {
        var query = Validation.ReadQuery(context);
        var limit = query.OptionalInt32("limit", minimum: 1) ?? MaxEventLimit;
        if (query.Complete() is { } invalid)
        {
            return invalid;
        }

        if (limit > MaxEventLimit)
        {
            return Problem(400, "Bad Request", $"The maximum allowable limit for this API is {MaxEventLimit}.", "LIMIT_EXCEEDED", "limit");
        }

        if (extSystemCode != OperaOptions.ExternalSystemCode)
        {
            return Problem(404, "Not Found", $"No consumer is configured for external system '{extSystemCode}'.", "EXTERNAL_SYSTEM_NOT_FOUND");
        }

        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            var events = new JsonArray();
            while (events.Count < limit && hotel.Events.TryDequeue(out var next))
            {
                events.Add(next);
            }

            return events.Count == 0 ? Results.NoContent() : Json(new JsonObject { ["businessEventData"] = events });
        }
    }

    private IResult? ReadLimit(HttpContext context, int max, out int limit, out int offset, QueryReader? query = null)
    {
        var own = query is null;
        query ??= Validation.ReadQuery(context);
        limit = query.OptionalInt32("limit", minimum: 1) ?? Math.Min(max, 20);
        offset = query.OptionalInt32("offset", minimum: 0) ?? 0;
        if (own && query.Complete() is { } invalid)
        {
            return invalid;
        }

        return limit > max ? Problem(400, "Bad Request", $"The maximum allowable limit for this API is {max}.", "LIMIT_EXCEEDED", "limit") : null;
    }

    /// <summary>The reservation a write changes: 404 when it does not exist, 400 when it is cancelled, checked out or a no-show.</summary>
    private static IResult? Changeable(SimHotel hotel, string reservationId, string change, out SimReservation stored)
    {
        if (!hotel.Reservations.TryGetValue(reservationId, out var found))
        {
            stored = null!;
            return Problem(404, "Not Found", $"Reservation '{reservationId}' does not exist.", "RESERVATION_NOT_FOUND");
        }

        stored = found;
        return found.Status is "Cancelled" or "CheckedOut" or "NoShow"
            ? Problem(400, "Bad Request", $"A {found.Status} reservation cannot {change}.", "INVALID_RESERVATION_STATUS")
            : null;
    }

    private int Free(SimHotel hotel, string roomType, DateOnly night) =>
        (roomType == "SUITE" ? 2 : OperaOptions.RoomsPerType) - hotel.Reservations.Values.Count(r => r.RoomType == roomType && r.Covers(night));

    private static (DateOnly Arrival, DateOnly Departure, string RoomType, string RatePlan, int Adults, IReadOnlyList<int> ChildAges)? ReadStay(JsonNode? stay)
    {
        var arrival = OperaShapes.DateOf(stay?["arrivalDate"]);
        var departure = OperaShapes.DateOf(stay?["departureDate"]);
        var rate = stay?["roomRates"]?[0];
        var roomType = (string?)rate?["roomType"];
        var ratePlan = (string?)rate?["ratePlanCode"];
        if (arrival is null || departure is null || departure <= arrival || roomType is null || !RoomTypeCodes.Contains(roomType) || ratePlan is null || !RatePlanCodes.Contains(ratePlan))
        {
            return null;
        }

        var counts = stay!["guestCounts"];
        return (arrival.Value, departure.Value, roomType, ratePlan, (int?)counts?["adults"] ?? 1, [.. (counts?["childAges"]?.AsArray() ?? []).Select(a => (int?)a?["age"] ?? 0)]);
    }

    private void ApplyGuestAndComments(SimReservation reservation, JsonObject item)
    {
        if (item["reservationGuests"]?[0]?["profileInfo"] is { } info)
        {
            if (info["profileIdList"]?[0]?["id"]?.GetValue<string>() is { } profileId && _profiles.TryGetValue(profileId, out var profile))
            {
                // An attached profile with details sent along: the details change the profile, as in OPERA.
                if (info["profile"] is JsonObject details)
                {
                    profile = (JsonObject)details.DeepClone();
                    _profiles[profileId] = profile;
                }

                reservation.ProfileId = profileId;
                reservation.Guest = (JsonObject)profile.DeepClone();
            }
            else if (info["profile"] is JsonObject inline)
            {
                reservation.ProfileId = NextId();
                reservation.Guest = (JsonObject)inline.DeepClone();
                _profiles[reservation.ProfileId] = (JsonObject)inline.DeepClone();
            }
        }

        foreach (var comment in item["comments"]?.AsArray() ?? [])
        {
            var c = comment?["comment"];
            var title = (string?)c?["commentTitle"] ?? string.Empty;
            var isInternal = (bool?)c?["internal"] ?? false;
            reservation.Comments.RemoveAll(x => x.Internal == isInternal);
            reservation.Comments.Add((title, (string?)c?["text"]?["value"] ?? string.Empty, isInternal));
        }
    }

    private void Touch(SimHotel hotel, SimReservation reservation, string action)
    {
        reservation.Modified = TimeProvider.GetUtcNow();
        Enqueue(hotel, reservation, action);
    }

    /// <summary>Queues a business event (int <c>businessEventDataType</c>) for the hotel's external system.</summary>
    private void Enqueue(SimHotel hotel, SimReservation reservation, string action)
    {
        var id = ++hotel.NextEventId;
        hotel.Events.Enqueue(new JsonObject
        {
            ["businessEvent"] = new JsonObject
            {
                ["header"] = new JsonObject
                {
                    ["moduleName"] = "Reservation",
                    ["actionType"] = action,
                    ["actionId"] = id,
                    ["primaryKey"] = reservation.Id,
                    ["createdDateTime"] = TimeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
                    ["hotelId"] = hotel.Code,
                },
                ["details"] = new JsonArray(new JsonObject { ["dataElement"] = "RESERVATION STATUS", ["newValue"] = reservation.Status }),
            },
            ["businessEventId"] = new JsonObject { ["id"] = $"{hotel.Code}-{id.ToString(CultureInfo.InvariantCulture)}", ["type"] = "BusinessEvent" },
        });
    }

    private JsonObject Ids(SimReservation r) => new()
    {
        ["reservationIdList"] = new JsonArray(new JsonObject { ["id"] = r.Id, ["type"] = "Reservation" }, new JsonObject { ["id"] = r.Confirmation, ["type"] = "Confirmation" }),
        ["externalReferences"] = r.ClientReference is null ? new JsonArray() : new JsonArray(new JsonObject { ["id"] = r.ClientReference, ["idContext"] = OperaOptions.ExternalSystemCode }),
    };

    private JsonObject Full(string hotelId, SimReservation r)
    {
        var nightly = PricedNights(Hotel(hotelId), r.RoomType, r.RatePlan, r.Arrival, r.Departure, r.Adults, out var total);
        var counts = new JsonObject { ["adults"] = r.Adults, ["children"] = r.ChildAges.Count, ["childAges"] = new JsonArray([.. r.ChildAges.Select(a => (JsonNode)new JsonObject { ["age"] = a })]) };
        var full = Ids(r);
        full["hotelId"] = hotelId;
        full["roomStay"] = new JsonObject
        {
            ["arrivalDate"] = Date(r.Arrival),
            ["departureDate"] = Date(r.Departure),
            ["guestCounts"] = counts,
            ["total"] = new JsonObject { ["amountBeforeTax"] = total, ["amountAfterTax"] = total, ["currencyCode"] = OperaOptions.Currency },
            ["roomRates"] = new JsonArray(new JsonObject
            {
                ["roomType"] = r.RoomType,
                ["ratePlanCode"] = r.RatePlan,
                ["start"] = Date(r.Arrival),
                ["end"] = Date(r.Departure.AddDays(-1)),
                ["numberOfUnits"] = 1,
                ["rates"] = nightly,
            }),
        };
        full["reservationGuests"] = new JsonArray(new JsonObject
        {
            ["profileInfo"] = new JsonObject
            {
                ["profileIdList"] = r.ProfileId is null ? new JsonArray() : new JsonArray(new JsonObject { ["id"] = r.ProfileId, ["type"] = "Profile" }),
                ["profile"] = r.Guest?.DeepClone(),
            },
            ["primary"] = true,
        });
        full["comments"] = new JsonArray([.. r.Comments.Select(c => (JsonNode)new JsonObject { ["comment"] = new JsonObject { ["text"] = new JsonObject { ["value"] = c.Text }, ["commentTitle"] = c.Title, ["type"] = "RESERVATION", ["internal"] = c.Internal } })]);
        full["reservationPackages"] = ReservationPackagesJson(r);
        full["reservationStatus"] = r.Status;
        full["createDateTime"] = r.Created.ToString("O", CultureInfo.InvariantCulture);
        full["lastModifyDateTime"] = r.Modified.ToString("O", CultureInfo.InvariantCulture);
        return full;
    }

    private JsonObject Summary(string hotelId, SimReservation r)
    {
        var name = r.Guest?["customer"]?["personName"]?[0];
        var summary = Ids(r);
        summary["hotelId"] = hotelId;
        summary["roomStay"] = new JsonObject
        {
            ["arrivalDate"] = Date(r.Arrival),
            ["departureDate"] = Date(r.Departure),
            ["adultCount"] = r.Adults,
            ["childCount"] = r.ChildAges.Count,
            ["roomType"] = r.RoomType,
            ["ratePlanCode"] = r.RatePlan,
            ["totalAmount"] = new JsonObject { ["amount"] = StayTotal(hotelId, r), ["currencyCode"] = OperaOptions.Currency },
        };
        summary["reservationGuest"] = new JsonObject { ["givenName"] = name?["givenName"]?.DeepClone(), ["surname"] = name?["surname"]?.DeepClone(), ["id"] = r.ProfileId };
        summary["reservationStatus"] = r.Status;
        summary["createDateTime"] = r.Created.ToString("O", CultureInfo.InvariantCulture);
        summary["lastModifyDateTime"] = r.Modified.ToString("O", CultureInfo.InvariantCulture);
        return summary;
    }

    private decimal StayTotal(string hotelId, SimReservation r)
    {
        PricedNights(Hotel(hotelId), r.RoomType, r.RatePlan, r.Arrival, r.Departure, r.Adults, out var total);
        return total;
    }
}
