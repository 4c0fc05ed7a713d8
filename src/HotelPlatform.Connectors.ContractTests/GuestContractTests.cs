namespace HotelPlatform.Connectors.ContractTests;

/// <summary>Guest search, profiles and upserts (<see cref="ConnectorCapabilities.SearchGuests"/>, <see cref="ConnectorCapabilities.GuestProfiles"/>, <see cref="ConnectorCapabilities.UpsertGuest"/>); books nothing.</summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("Guest", ConnectorCapabilities.SearchGuests | ConnectorCapabilities.GuestProfiles | ConnectorCapabilities.UpsertGuest)]
public abstract class GuestContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <inheritdoc />
    protected override int BandOffset => 0;

    /// <summary>The known guest is found by e-mail address, whatever its case.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Searching_by_email_finds_the_known_guest()
    {
        RequireCapabilities(ConnectorCapabilities.SearchGuests);
        var guest = RequireScenario(Scenario.KnownGuest, nameof(PmsContractScenario.KnownGuest));
        var email = RequireScenario(guest.Email, "KnownGuest.Email");
        SetGuestId(guest);

        var found = await Connector.SearchGuestsAsync(new GuestSearch { Email = email.ToUpperInvariant() }, TestCancellation);

        Assert.Contains(found, g => IsKnownGuest(g, guest));
        Assert.All(found, g => Assert.Equal(email, g.Email, ignoreCase: true));
        await VerifyRequestsAsync();
    }

    /// <summary>The known guest is found by last name.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Searching_by_last_name_finds_the_known_guest()
    {
        RequireCapabilities(ConnectorCapabilities.SearchGuests);
        var guest = RequireScenario(Scenario.KnownGuest, nameof(PmsContractScenario.KnownGuest));

        var found = await Connector.SearchGuestsAsync(new GuestSearch { LastName = guest.LastName, MaxResults = PmsArguments.MaxGuestSearchResults }, TestCancellation);

        Assert.Contains(found, g => IsKnownGuest(g, guest));
        await VerifyRequestsAsync();
    }

    /// <summary>The known guest is found by phone number.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Searching_by_phone_finds_the_known_guest()
    {
        RequireCapabilities(ConnectorCapabilities.SearchGuests);
        var guest = RequireScenario(Scenario.KnownGuest, nameof(PmsContractScenario.KnownGuest));
        var phone = RequireScenario(guest.Phone, "KnownGuest.Phone");

        var found = await Connector.SearchGuestsAsync(new GuestSearch { Phone = phone }, TestCancellation);

        Assert.Contains(found, g => IsKnownGuest(g, guest));
        await VerifyRequestsAsync();
    }

    /// <summary>An e-mail address nobody has finds nobody.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Searching_for_an_unknown_email_finds_nobody()
    {
        RequireCapabilities(ConnectorCapabilities.SearchGuests);

        var found = await Connector.SearchGuestsAsync(new GuestSearch { Email = NewGuest().Email }, TestCancellation);

        Assert.Empty(found);
        await VerifyRequestsAsync();
    }

    /// <summary>A search returns no more than <see cref="GuestSearch.MaxResults"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Search_returns_at_most_MaxResults()
    {
        RequireCapabilities(ConnectorCapabilities.SearchGuests | ConnectorCapabilities.UpsertGuest);

        // Two guests sharing a last name, so that a limit of one has something to cut.
        var lastName = NewGuest().LastName;
        await Connector.UpsertGuestAsync(new GuestProfile(lastName) { FirstName = "One" }, TestCancellation);
        await Connector.UpsertGuestAsync(new GuestProfile(lastName) { FirstName = "Two" }, TestCancellation);

        var all = await Connector.SearchGuestsAsync(new GuestSearch { LastName = lastName }, TestCancellation);
        var one = await Connector.SearchGuestsAsync(new GuestSearch { LastName = lastName, MaxResults = 1 }, TestCancellation);

        Assert.Equal(2, all.Count);
        Assert.Single(one);
        await VerifyRequestsAsync();
    }

    /// <summary>The known guest is read by its identifier.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Getting_the_known_guest_by_id_returns_it()
    {
        RequireCapabilities(ConnectorCapabilities.GuestProfiles);
        var guest = RequireScenario(Scenario.KnownGuest, nameof(PmsContractScenario.KnownGuest));
        SetGuestId(guest);

        var read = await Connector.GetGuestAsync(guest.VendorId!, TestCancellation);

        Assert.Equal(guest.VendorId, read.VendorId);
        Assert.Equal(guest.LastName, read.LastName);
        Assert.Equal(guest.Email, read.Email, ignoreCase: true);
        await VerifyRequestsAsync();
    }

    /// <summary>Getting a guest that does not exist throws <see cref="PmsNotFoundException"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Getting_an_unknown_guest_throws_PmsNotFoundException()
    {
        RequireCapabilities(ConnectorCapabilities.GuestProfiles);

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => Connector.GetGuestAsync(Scenario.UnknownGuestId, TestCancellation));
        await VerifyRequestsAsync();
    }

    /// <summary>Upserting a new guest stores it under a new identifier, readable and searchable afterwards.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Upserting_a_new_guest_assigns_an_id_and_stores_it()
    {
        RequireCapabilities(ConnectorCapabilities.UpsertGuest);
        var guest = NewGuest() with { Phone = "+4930" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), Language = "de" };

        var stored = await Connector.UpsertGuestAsync(guest, TestCancellation);

        Assert.False(string.IsNullOrWhiteSpace(stored.VendorId), "A new guest gets an identifier.");
        Assert.Equal(guest.LastName, stored.LastName);
        Context.Set(ContractTestContext.GuestId, stored.VendorId!);
        if (Connector.Supports(ConnectorCapabilities.GuestProfiles))
        {
            var read = await Connector.GetGuestAsync(stored.VendorId!, TestCancellation);
            Assert.Equal(guest.LastName, read.LastName);
            Assert.Equal(guest.FirstName, read.FirstName);
            Assert.Equal(guest.Email, read.Email, ignoreCase: true);
        }

        if (Connector.Supports(ConnectorCapabilities.SearchGuests))
        {
            Assert.Contains(await Connector.SearchGuestsAsync(new GuestSearch { Email = guest.Email }, TestCancellation), g => g.VendorId == stored.VendorId);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>Upserting an existing guest updates it and keeps its identifier.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Upserting_an_existing_guest_updates_it_and_keeps_its_id()
    {
        RequireCapabilities(ConnectorCapabilities.UpsertGuest);
        var created = await Connector.UpsertGuestAsync(NewGuest(), TestCancellation);

        var updated = await Connector.UpsertGuestAsync(created with { FirstName = "Updated", Language = "fr" }, TestCancellation);

        Assert.Equal(created.VendorId, updated.VendorId);
        Assert.Equal("Updated", updated.FirstName);
        Context.Set(ContractTestContext.GuestId, created.VendorId!);
        if (Connector.Supports(ConnectorCapabilities.GuestProfiles))
        {
            Assert.Equal("Updated", (await Connector.GetGuestAsync(created.VendorId!, TestCancellation)).FirstName);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>Consents written with a profile are read back. A vendor that stores no consents overrides this test with <c>Assert.Skip(reason)</c>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Consents_are_stored_with_the_profile()
    {
        RequireCapabilities(ConnectorCapabilities.UpsertGuest | ConnectorCapabilities.GuestProfiles);
        const GuestConsents consents = GuestConsents.MarketingEmail | GuestConsents.Newsletter;

        var stored = await Connector.UpsertGuestAsync(NewGuest() with { Consents = consents }, TestCancellation);
        var read = await Connector.GetGuestAsync(stored.VendorId!, TestCancellation);
        var withdrawn = await Connector.UpsertGuestAsync(read with { Consents = GuestConsents.Newsletter }, TestCancellation);

        Assert.Equal(consents, stored.Consents);
        Assert.Equal(consents, read.Consents);
        Assert.Equal(GuestConsents.Newsletter, withdrawn.Consents);
        Assert.Equal(GuestConsents.Newsletter, (await Connector.GetGuestAsync(stored.VendorId!, TestCancellation)).Consents);
        await VerifyRequestsAsync();
    }

    /// <summary>Upserting a guest under an identifier that does not exist throws <see cref="PmsNotFoundException"/> rather than inventing one.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Upserting_an_unknown_guest_id_throws_PmsNotFoundException()
    {
        RequireCapabilities(ConnectorCapabilities.UpsertGuest);

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => Connector.UpsertGuestAsync(NewGuest() with { VendorId = Scenario.UnknownGuestId }, TestCancellation));
        await VerifyRequestsAsync();
    }

    /// <summary>
    /// Whether a search result is the scenario's known guest: by identifier where the PMS has guest identifiers, else (a
    /// PMS that keeps guests only on reservations) by last name and e-mail.
    /// </summary>
    /// <param name="found">A search result.</param>
    /// <param name="known">The scenario's known guest.</param>
    /// <returns><see langword="true"/> when it is the known guest.</returns>
    protected static bool IsKnownGuest(GuestProfile found, GuestProfile known)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(known);
        return known.VendorId is not null
            ? found.VendorId == known.VendorId
            : string.Equals(found.LastName, known.LastName, StringComparison.OrdinalIgnoreCase)
                && (known.Email is null || string.Equals(found.Email, known.Email, StringComparison.OrdinalIgnoreCase));
    }

    private void SetGuestId(GuestProfile guest)
    {
        if (guest.VendorId is not null)
        {
            Context.Set(ContractTestContext.GuestId, guest.VendorId);
        }
    }
}
