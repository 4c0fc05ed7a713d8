using HotelPlatform.Connectors.Mews.Wire;

namespace HotelPlatform.Connectors.Mews.Mapping;

/// <summary>The enterprise's setup the connector reads once per reference-data lifetime: zone, currency, the bookable service and its age categories.</summary>
internal sealed record MewsSetup(PmsProperty Property, TimeZoneInfo Zone, string ServiceId, TimeSpan StartOffset, TimeSpan EndOffset, IReadOnlyList<AgeCategoryModel> AgeCategories)
{
    public DateTimeOffset StartUtc(DateOnly arrival) => MewsTime.ToUtc(arrival, Zone, StartOffset);

    public DateTimeOffset EndUtc(DateOnly departure) => MewsTime.ToUtc(departure, Zone, EndOffset);

    public DateOnly Arrival(DateTimeOffset startUtc) => MewsTime.ToLocalDate(startUtc, StartOffset, Zone);

    public DateOnly Departure(DateTimeOffset endUtc) => MewsTime.ToLocalDate(endUtc, EndOffset, Zone);

    public DateTimeOffset Midnight(DateOnly date) => MewsTime.ToUtc(date, Zone);
}

/// <summary>Maps between the Mews wire models and the SDK's model.</summary>
internal static class MewsMapper
{
    public const string Adult = "Adult";
    public const string Child = "Child";

    /// <summary>The order item type of a reservation's night (orderitems.md#order-item-type).</summary>
    public const string SpaceOrder = "SpaceOrder";

    /// <summary>The order item type of a product ordered with a reservation.</summary>
    public const string ProductOrder = "ProductOrder";

    /// <summary>The customer option that records consent to marketing e-mails (customers.md#customer-option).</summary>
    public const string SendMarketingEmails = "SendMarketingEmails";

    /// <summary>The sum of amounts in one currency.</summary>
    public static Money Sum(IReadOnlyList<Money> amounts) => amounts.Skip(1).Aggregate(amounts[0], (sum, amount) => sum + amount);

    /// <summary>
    /// A reservation's nightly prices from its <c>SpaceOrder</c> order items: each night's gross amounts by the local date
    /// of the item's <c>StartUtc</c> (else <c>ConsumedUtc</c>). Empty unless every night of the stay has one, in one
    /// currency: a partial breakdown would not add up to the stay.
    /// </summary>
    public static IReadOnlyList<NightlyRate> ToNightlyRates(IEnumerable<OrderItemModel> items, DateOnly arrival, DateOnly departure, TimeZoneInfo zone)
    {
        var byNight = items
            .Where(i => i.Type == SpaceOrder && i.Amount?.GrossValue is not null)
            .GroupBy(i => MewsTime.ToLocalDate(i.StartUtc ?? i.ConsumedUtc, zone))
            .ToDictionary(g => g.Key, g => Sum([.. g.Select(i => new Money(i.Amount!.GrossValue!.Value, i.Amount.Currency))]));
        var nights = Enumerable.Range(0, departure.DayNumber - arrival.DayNumber).Select(arrival.AddDays).ToList();
        if (nights.Count == 0 || nights.Any(n => !byNight.ContainsKey(n)) || byNight.Keys.Any(d => d < arrival || d >= departure))
        {
            return [];
        }

        var nightly = nights.Select(n => new NightlyRate(n, byNight[n])).ToList();
        return nightly.Select(n => n.Amount.Currency).Distinct(StringComparer.Ordinal).Count() == 1 ? nightly : [];
    }

    /// <summary>The SDK's consents from Mews' customer options: <c>SendMarketingEmails</c> is <see cref="GuestConsents.MarketingEmail"/>; Mews has no option for the other consents.</summary>
    public static GuestConsents ToConsents(IReadOnlyList<string>? options) =>
        options?.Contains(SendMarketingEmails, StringComparer.Ordinal) == true ? GuestConsents.MarketingEmail : GuestConsents.None;

    /// <summary>
    /// The options to write: the customer's current ones (<paramref name="current"/>, kept as they are: Mews replaces the
    /// whole set) with <c>SendMarketingEmails</c> set or cleared as the consents say.
    /// </summary>
    public static IReadOnlyList<string> ToOptions(GuestConsents consents, IReadOnlyList<string>? current)
    {
        var options = (current ?? []).Where(o => o != SendMarketingEmails && o != "None").ToList();
        if (consents.HasFlag(GuestConsents.MarketingEmail))
        {
            options.Add(SendMarketingEmails);
        }

        return options;
    }

    /// <summary>Mews' service order states (reservations.md#service-order-state).</summary>
    public static ReservationStatus ToStatus(string state) => state switch
    {
        "Confirmed" => ReservationStatus.Confirmed,
        "Optional" or "Inquired" => ReservationStatus.Tentative,
        "Requested" => ReservationStatus.Waitlisted,
        "Started" => ReservationStatus.InHouse,
        "Processed" => ReservationStatus.CheckedOut,
        "Canceled" => ReservationStatus.Cancelled,
        _ => ReservationStatus.Unknown,
    };

    /// <summary>A localized text: English first, else the first language Mews sent.</summary>
    public static string? Text(IReadOnlyDictionary<string, string>? texts)
    {
        if (texts is null || texts.Count == 0)
        {
            return null;
        }

        foreach (var language in (string[])["en-US", "en-GB"])
        {
            if (texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return texts.Values.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
    }

    public static RoomType ToRoomType(ResourceCategoryModel category) =>
        new(category.Id, Text(category.Names) ?? category.Id)
        {
            Code = Text(category.ShortNames),
            Description = Text(category.Descriptions),
            MaxOccupancy = category.Capacity + category.ExtraCapacity,
        };

    public static RatePlan ToRatePlan(RateModel rate, string currency) =>
        new(rate.Id, Text(rate.Names) ?? rate.Name ?? rate.Id) { Code = rate.ShortName ?? rate.ExternalIdentifier, Currency = currency };

    /// <summary>
    /// The person counts of a stay: adults in the enterprise's adult category, each child in the child category whose age
    /// range holds the age. Mews counts people per age category only, so an age without a category is refused.
    /// </summary>
    public static IReadOnlyList<PersonCount> ToPersonCounts(int adults, IReadOnlyList<int> childrenAges, IReadOnlyList<AgeCategoryModel> categories)
    {
        var adult = categories.FirstOrDefault(c => c.Classification == Adult)
                    ?? throw new PmsException("Mews: the service has no adult age category.") { Vendor = PmsVendors.Mews };
        var counts = new List<PersonCount> { new(adult.Id, adults) };
        foreach (var group in childrenAges.GroupBy(age => ChildCategory(age, categories).Id))
        {
            counts.Add(new PersonCount(group.Key, group.Count()));
        }

        return counts;
    }

    /// <summary>Adults and children from person counts; a child's age is its category's lowest (Mews keeps no ages).</summary>
    public static (int Adults, IReadOnlyList<int> ChildrenAges) FromPersonCounts(IReadOnlyList<PersonCount> counts, IReadOnlyList<AgeCategoryModel> categories)
    {
        var adults = 0;
        var children = new List<int>();
        foreach (var count in counts)
        {
            var category = categories.FirstOrDefault(c => c.Id == count.AgeCategoryId);
            if (category is null || category.Classification == Adult)
            {
                adults += count.Count;
            }
            else
            {
                children.AddRange(Enumerable.Repeat(category.MinimalAge ?? 0, count.Count));
            }
        }

        return (adults, children);
    }

    public static GuestProfile ToGuest(CustomerModel customer) =>
        new(customer.LastName)
        {
            VendorId = customer.Id,
            FirstName = customer.FirstName,
            Email = customer.Email,
            Phone = customer.Phone,
            NationalityCountryCode = customer.NationalityCode,
            Language = customer.PreferredLanguageCode ?? customer.LanguageCode,
            Consents = ToConsents(customer.Options),
        };

    public static AddCustomerRequest ToAddCustomer(GuestProfile guest) =>
        new(guest.LastName, OverwriteExisting: false)
        {
            FirstName = guest.FirstName,
            Email = guest.Email,
            Phone = guest.Phone,
            NationalityCode = guest.NationalityCountryCode,
            PreferredLanguageCode = guest.Language,
            Options = guest.Consents.HasFlag(GuestConsents.MarketingEmail) ? [SendMarketingEmails] : null,
        };

    public static UpdateCustomerRequest ToUpdateCustomer(string customerId, GuestProfile guest, IReadOnlyList<string>? currentOptions) =>
        new(customerId)
        {
            LastName = guest.LastName,
            FirstName = guest.FirstName,
            Email = guest.Email,
            Phone = guest.Phone,
            NationalityCode = guest.NationalityCountryCode,
            PreferredLanguageCode = guest.Language,
            Options = ToOptions(guest.Consents, currentOptions),
        };

    public static Reservation ToReservation(ReservationModel model, GuestProfile guest, MewsSetup setup, string propertyId)
    {
        var (adults, children) = FromPersonCounts(model.PersonCounts, setup.AgeCategories);
        return new Reservation(model.Id, propertyId, ToStatus(model.State), setup.Arrival(model.ScheduledStartUtc), setup.Departure(model.ScheduledEndUtc), guest)
        {
            ConfirmationNumber = model.Number,
            RawStatus = model.State,
            RoomTypeId = model.RequestedResourceCategoryId,
            RatePlanId = model.RateId,
            Adults = adults,
            ChildrenAges = children,
            ClientReference = model.ChannelNumber,
            CreatedAt = model.CreatedUtc,
            ModifiedAt = model.UpdatedUtc,
            CancelledAt = model.CancelledUtc,
        };
    }

    public static ServicePricingUnit ToPricingUnit(string chargingMode) => chargingMode switch
    {
        "PerTimeUnit" => ServicePricingUnit.PerNight,
        "PerPersonPerTimeUnit" => ServicePricingUnit.PerPersonPerNight,
        "PerPerson" => ServicePricingUnit.PerPerson,
        _ => ServicePricingUnit.PerStay,
    };

    private static AgeCategoryModel ChildCategory(int age, IReadOnlyList<AgeCategoryModel> categories) =>
        categories.FirstOrDefault(c => c.Classification == Child && (c.MinimalAge ?? 0) <= age && age < (c.MaximalAge ?? int.MaxValue))
        ?? throw new PmsValidationException($"Mews: the service has no child age category for age {age}.") { Vendor = PmsVendors.Mews, Field = "ChildrenAges" };
}
