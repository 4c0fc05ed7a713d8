using System.Runtime.CompilerServices;

namespace HotelPlatform.Connectors;

/// <summary>
/// The argument rules of <see cref="IPmsConnector"/>, shared by every connector so that bad input is refused the same
/// way, before any I/O, whatever the vendor. Each method throws <see cref="ArgumentException"/> (or a subtype) naming
/// the parameter and the member at fault.
/// </summary>
public static class PmsArguments
{
    /// <summary>The longest range of nights an availability grid may span.</summary>
    public const int MaxAvailabilityNights = 366;

    /// <summary>The most persons one reservation may hold.</summary>
    public const int MaxOccupancy = 99;

    /// <summary>The most results a guest search may ask for.</summary>
    public const int MaxGuestSearchResults = 100;

    /// <summary>The longest client reference accepted.</summary>
    public const int MaxClientReferenceLength = 64;

    /// <summary>Validates an identifier: not null, empty or white space.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Id(string? id, [CallerArgumentExpression(nameof(id))] string? paramName = null) =>
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);

    /// <summary>Validates an availability request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(AvailabilityRequest? request, [CallerArgumentExpression(nameof(request))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        Stay(request.Arrival, request.Departure, paramName);
        if (request.Nights > MaxAvailabilityNights)
        {
            throw new ArgumentOutOfRangeException(paramName, request.Nights, $"An availability grid spans at most {MaxAvailabilityNights} nights; {paramName}.Departure is {request.Nights} nights after Arrival.");
        }

        Ids(request.RoomTypeIds, $"{paramName}.RoomTypeIds");
    }

    /// <summary>Validates a quote request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(QuoteRequest? request, [CallerArgumentExpression(nameof(request))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        Stay(request.Arrival, request.Departure, paramName);
        Occupancy(request.Adults, request.ChildrenAges, paramName);
        Ids(request.RoomTypeIds, $"{paramName}.RoomTypeIds");
        if (request.RatePlanId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(request.RatePlanId, $"{paramName}.RatePlanId");
        }
    }

    /// <summary>Validates a reservation draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(ReservationDraft? draft, [CallerArgumentExpression(nameof(draft))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(draft, paramName);
        Stay(draft.Arrival, draft.Departure, paramName);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.RoomTypeId, $"{paramName}.RoomTypeId");
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.RatePlanId, $"{paramName}.RatePlanId");
        Occupancy(draft.Adults, draft.ChildrenAges, paramName);
        Guest(draft.PrimaryGuest, $"{paramName}.PrimaryGuest");
        if (draft.ClientReference is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(draft.ClientReference, $"{paramName}.ClientReference");
            if (draft.ClientReference.Length > MaxClientReferenceLength)
            {
                throw new ArgumentException($"ClientReference is at most {MaxClientReferenceLength} characters long; it has {draft.ClientReference.Length}.", $"{paramName}.ClientReference");
            }
        }

        if (draft.QuotedTotal is { } total)
        {
            Amount(total, $"{paramName}.QuotedTotal");
        }

        for (var i = 0; i < draft.Services.Count; i++)
        {
            Validate(draft.Services[i], $"{paramName}.Services[{i}]");
        }
    }

    /// <summary>Validates reservation changes.</summary>
    /// <param name="changes">The changes.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(ReservationChanges? changes, [CallerArgumentExpression(nameof(changes))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(changes, paramName);
        if (changes.IsEmpty)
        {
            throw new ArgumentException("The changes change nothing: set at least one member.", paramName);
        }

        if (changes is { Arrival: { } arrival, Departure: { } departure })
        {
            Stay(arrival, departure, paramName);
        }

        if (changes.Adults is not null || changes.ChildrenAges is not null)
        {
            Occupancy(changes.Adults ?? 1, changes.ChildrenAges ?? [], paramName);
        }

        if (changes.RoomTypeId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(changes.RoomTypeId, $"{paramName}.RoomTypeId");
        }

        if (changes.RatePlanId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(changes.RatePlanId, $"{paramName}.RatePlanId");
        }

        if (changes.PrimaryGuest is not null)
        {
            Guest(changes.PrimaryGuest, $"{paramName}.PrimaryGuest");
        }
    }

    /// <summary>Validates a reservation query.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(ReservationQuery? query, [CallerArgumentExpression(nameof(query))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        if (query.Kind == ReservationQueryKind.ChangedSince && query.Since is null)
        {
            throw new ArgumentException("A changed-since query needs Since.", paramName);
        }

        if (query.PageSize is { } size && (size < 1 || size > 1000))
        {
            throw new ArgumentOutOfRangeException($"{paramName}.PageSize", size, "PageSize is between 1 and 1000.");
        }
    }

    /// <summary>Validates a guest search.</summary>
    /// <param name="search">The search.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(GuestSearch? search, [CallerArgumentExpression(nameof(search))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(search, paramName);
        if (!search.HasCriterion)
        {
            throw new ArgumentException("A guest search needs an e-mail address, a phone number or a last name.", paramName);
        }

        if (search.MaxResults is < 1 or > MaxGuestSearchResults)
        {
            throw new ArgumentOutOfRangeException($"{paramName}.MaxResults", search.MaxResults, $"MaxResults is between 1 and {MaxGuestSearchResults}.");
        }

        if (!string.IsNullOrWhiteSpace(search.Email))
        {
            Email(search.Email, $"{paramName}.Email");
        }
    }

    /// <summary>Validates a guest profile to be written.</summary>
    /// <param name="guest">The profile.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(GuestProfile? guest, [CallerArgumentExpression(nameof(guest))] string? paramName = null) =>
        Guest(guest, paramName);

    /// <summary>Validates a service-offer request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(ServiceOfferRequest? request, [CallerArgumentExpression(nameof(request))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        if (request.ReservationId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(request.ReservationId, $"{paramName}.ReservationId");
            return;
        }

        if (request.Arrival is not { } arrival || request.Departure is not { } departure)
        {
            throw new ArgumentException("A service-offer request names a ReservationId, or both Arrival and Departure.", paramName);
        }

        Stay(arrival, departure, paramName);
        Occupancy(request.Adults, [], paramName);
    }

    /// <summary>Validates a service order.</summary>
    /// <param name="order">The order.</param>
    /// <param name="paramName">The parameter name; supplied by the compiler.</param>
    public static void Validate(ServiceOrder? order, [CallerArgumentExpression(nameof(order))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(order, paramName);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.ServiceId, $"{paramName}.ServiceId");
        if (order.Quantity < 1)
        {
            throw new ArgumentOutOfRangeException($"{paramName}.Quantity", order.Quantity, "Quantity is at least 1.");
        }
    }

    private static void Stay(DateOnly arrival, DateOnly departure, string? paramName)
    {
        if (departure <= arrival)
        {
            throw new ArgumentException($"Departure ({departure:yyyy-MM-dd}) must be after Arrival ({arrival:yyyy-MM-dd}).", paramName);
        }
    }

    private static void Occupancy(int adults, IReadOnlyList<int>? childrenAges, string? paramName)
    {
        if (adults < 1)
        {
            throw new ArgumentOutOfRangeException($"{paramName}.Adults", adults, "At least one adult stays.");
        }

        var children = childrenAges?.Count ?? 0;
        if (adults + children > MaxOccupancy)
        {
            throw new ArgumentOutOfRangeException($"{paramName}.Adults", adults + children, $"At most {MaxOccupancy} persons stay in one reservation.");
        }

        if (childrenAges is not null && childrenAges.Any(a => a is < 0 or > 17))
        {
            throw new ArgumentOutOfRangeException($"{paramName}.ChildrenAges", "A child's age is between 0 and 17.");
        }
    }

    private static void Ids(IReadOnlyList<string>? ids, string paramName)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An identifier in the list is empty.", paramName);
        }
    }

    private static void Guest(GuestProfile? guest, string? paramName)
    {
        ArgumentNullException.ThrowIfNull(guest, paramName);
        ArgumentException.ThrowIfNullOrWhiteSpace(guest.LastName, $"{paramName}.LastName");
        if (guest.Email is not null)
        {
            Email(guest.Email, $"{paramName}.Email");
        }
    }

    private static void Email(string email, string paramName)
    {
        // Deliberately loose: the vendor is the authority on what it accepts; this only catches obvious typos
        // such as a missing '@'. The value itself is never echoed (it is personal data).
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The e-mail address is not of the form name@domain.", paramName);
        }
    }

    private static void Amount(Money money, string paramName)
    {
        if (money.Currency is null)
        {
            throw new ArgumentException("The amount has no currency: use new Money(amount, \"EUR\").", paramName);
        }

        if (money.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, money.Amount, "An amount is not negative.");
        }
    }
}
