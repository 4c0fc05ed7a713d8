namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>inventory-v1 <c>PropertyModel</c>, the answer of <c>GET /inventory/v1/properties/{id}</c>.</summary>
internal sealed record PropertyModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    /// <summary>Gets the name per language (an object in <c>PropertyModel</c>).</summary>
    public LocalizedText? Name { get; init; }

    public LocalizedText? Description { get; init; }

    public string? CompanyName { get; init; }

    /// <summary>Gets the IANA time zone ("from the IANA Time Zone Database"), for example <c>Europe/Berlin</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Gets "the currency a property works with" (ISO 4217).</summary>
    public required string CurrencyCode { get; init; }

    public DateTimeOffset? Created { get; init; }

    /// <summary>Gets the status: Test or Live.</summary>
    public string? Status { get; init; }

    public bool IsArchived { get; init; }
}

/// <summary>inventory-v1 <c>UnitGroupListModel</c>, the answer of <c>GET /inventory/v1/unit-groups</c>.</summary>
internal sealed record UnitGroupListModel
{
    public IReadOnlyList<UnitGroupItemModel> UnitGroups { get; init; } = [];

    public long Count { get; init; }
}

/// <summary>inventory-v1 <c>UnitGroupItemModel</c> (name and description are plain strings in list items).</summary>
internal sealed record UnitGroupItemModel
{
    public required string Id { get; init; }

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets the "number of units in this group".</summary>
    public int MemberCount { get; init; }

    /// <summary>Gets the "maximum number of persons for the unit group" (optional in list items).</summary>
    public int? MaxPersons { get; init; }

    public int? Rank { get; init; }

    /// <summary>Gets the unit group type: BedRoom, MeetingRoom, EventSpace, ParkingLot or Other.</summary>
    public string? Type { get; init; }

    public EmbeddedPropertyModel? Property { get; init; }
}
