using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;
using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Fixture;

public sealed class LiveSandboxSettingsTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly string[] ApaleoRequired = ["PropertyId", "ClientId", "ClientSecret"];

    [Fact]
    public void Without_variables_the_run_is_skipped_naming_every_variable_to_set()
    {
        var settings = Read(new Dictionary<string, string?> { ["HOTELPLATFORM_LIVE_MEWS_ACCESSTOKEN"] = "not apaleo's" });

        Assert.False(settings.IsConfigured);
        Assert.Equal(
            ["HOTELPLATFORM_LIVE_APALEO_PROPERTYID", "HOTELPLATFORM_LIVE_APALEO_CLIENTID", "HOTELPLATFORM_LIVE_APALEO_CLIENTSECRET", "HOTELPLATFORM_LIVE_APALEO_ROOMTYPE", "HOTELPLATFORM_LIVE_APALEO_RATEPLAN"],
            settings.MissingVariables);
        Assert.Contains("HOTELPLATFORM_LIVE_APALEO_CLIENTSECRET", settings.SkipReason, StringComparison.Ordinal);
        Assert.Contains("docs/live-sandbox.md", settings.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_configuration_names_only_what_is_missing()
    {
        var settings = Read(Complete().Where(v => !v.Key.EndsWith("_CLIENTSECRET", StringComparison.Ordinal)).ToDictionary());

        Assert.Equal(["HOTELPLATFORM_LIVE_APALEO_CLIENTSECRET"], settings.MissingVariables);
    }

    [Fact]
    public void Vendor_settings_are_the_variables_that_are_not_the_kits_with_the_prefix_removed()
    {
        var variables = Complete();
        variables["HOTELPLATFORM_LIVE_APALEO_WEBHOOK__URLSECRET"] = "s3cret";
        var settings = Read(variables);

        Assert.True(settings.IsConfigured);
        Assert.Null(settings.SkipReason);
        Assert.Equal("BER", settings.HotelSettings["PropertyId"]);
        Assert.Equal("s3cret", settings.HotelSettings["Webhook:UrlSecret"]);
        Assert.False(settings.HotelSettings.ContainsKey("ROOMTYPE"));
        Assert.False(settings.HotelSettings.ContainsKey("MODE"));
        Assert.Equal("BER-DBL", settings.RoomTypeId);
        Assert.Equal("BER-FLEX-DBL", settings.RatePlanId);
    }

    [Fact]
    public void Defaults_are_read_only_a_window_from_thirty_days_ahead_and_gentle_pacing()
    {
        var settings = Read(Complete());

        Assert.Equal(LiveSandboxMode.ReadOnly, settings.Mode);
        Assert.Equal(Today.AddDays(30), settings.FirstNight);
        Assert.Equal(PmsContractScenario.MinimumNights, settings.Nights);
        Assert.Equal(5, settings.CallsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.VisibilityWait);
        Assert.EndsWith(Path.Combine("live-results", "apaleo.json"), settings.ResultsPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Kit_variables_are_read_whatever_their_case()
    {
        var variables = Complete();
        variables["hotelplatform_live_apaleo_mode"] = "FULL";
        variables["HOTELPLATFORM_LIVE_APALEO_FIRSTNIGHT"] = "2027-02-01";
        variables["HOTELPLATFORM_LIVE_APALEO_NIGHTS"] = "60";
        variables["HOTELPLATFORM_LIVE_APALEO_CALLSPERSECOND"] = "0.5";
        variables["HOTELPLATFORM_LIVE_APALEO_VISIBILITYWAIT"] = "0";
        variables["HOTELPLATFORM_LIVE_APALEO_UNKNOWNRESERVATION"] = "ZZZZZZ-1";

        var settings = Read(variables);

        Assert.Equal(LiveSandboxMode.Full, settings.Mode);
        Assert.Equal(new DateOnly(2027, 2, 1), settings.FirstNight);
        Assert.Equal(60, settings.Nights);
        Assert.Equal(0.5, settings.CallsPerSecond);
        Assert.Equal(TimeSpan.Zero, settings.VisibilityWait);
        Assert.Equal("ZZZZZZ-1", settings.UnknownReservationId);
    }

    [Theory]
    [InlineData("MODE", "everything", "readonly or full")]
    [InlineData("FIRSTNIGHT", "01/02/2027", "yyyy-MM-dd")]
    [InlineData("NIGHTS", "10", "at least 40")]
    [InlineData("CALLSPERSECOND", "0", "above 0")]
    [InlineData("VISIBILITYWAIT", "-1", "0 to 600")]
    public void A_kit_variable_it_cannot_take_fails_naming_the_variable_and_what_it_takes(string name, string value, string expected)
    {
        var variables = Complete();
        variables["HOTELPLATFORM_LIVE_APALEO_" + name] = value;

        var ex = Assert.Throws<ArgumentException>(() => Read(variables));

        Assert.Contains($"HOTELPLATFORM_LIVE_APALEO_{name} is '{value}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string?> Complete() => new(StringComparer.Ordinal)
    {
        ["HOTELPLATFORM_LIVE_APALEO_PROPERTYID"] = "BER",
        ["HOTELPLATFORM_LIVE_APALEO_CLIENTID"] = "client",
        ["HOTELPLATFORM_LIVE_APALEO_CLIENTSECRET"] = "secret",
        ["HOTELPLATFORM_LIVE_APALEO_ROOMTYPE"] = "BER-DBL",
        ["HOTELPLATFORM_LIVE_APALEO_RATEPLAN"] = "BER-FLEX-DBL",
    };

    private static LiveSandboxSettings Read(Dictionary<string, string?> variables) =>
        LiveSandboxSettings.From(PmsVendors.Apaleo, ApaleoRequired, new ConfigurationBuilder().AddInMemoryCollection(variables).Build(), Today);
}
