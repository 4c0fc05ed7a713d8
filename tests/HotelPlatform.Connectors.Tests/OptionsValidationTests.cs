using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Tests;

public sealed class OptionsValidationTests
{
    public sealed class AcmeOptions : PmsConnectorOptions
    {
        public string ClientId { get; set; } = string.Empty;

        public string ClientSecret { get; set; } = string.Empty;

        public int PageSize { get; set; } = 100;
    }

    private sealed class AcmeOptionsValidator : PmsConnectorOptionsValidator<AcmeOptions>
    {
        public override void Validate(AcmeOptions options, PmsOptionsValidationContext context)
        {
            base.Validate(options, context);
            context.RequireText(nameof(options.ClientId), options.ClientId);
            context.RequireText(nameof(options.ClientSecret), options.ClientSecret);
            context.RequireRange(nameof(options.PageSize), options.PageSize, 1, 500);
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static OptionsValidationException StartupFailure(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void Options_bound_from_configuration_fail_at_start_naming_hotel_vendor_setting_and_path()
    {
        var configuration = Configuration(
            ("Hotels:berlin-mitte:PropertyId", "BER"),
            ("Hotels:berlin-mitte:ClientId", "client"),
            ("Hotels:berlin-mitte:PageSize", "1000"),
            ("Hotels:berlin-mitte:BaseAddress", "not-absolute"));
        var services = new ServiceCollection();
        services.AddPmsHotelOptions("berlin-mitte", "apaleo", configuration.GetSection("Hotels:berlin-mitte"), new AcmeOptionsValidator());

        var error = StartupFailure(services);

        Assert.Equal(
            [
                "Hotel 'berlin-mitte' (apaleo): BaseAddress must be an absolute http or https address (Hotels:berlin-mitte:BaseAddress).",
                "Hotel 'berlin-mitte' (apaleo): ClientSecret is required (Hotels:berlin-mitte:ClientSecret).",
                "Hotel 'berlin-mitte' (apaleo): PageSize must be between 1 and 500 (Hotels:berlin-mitte:PageSize).",
            ],
            error.Failures);
        Assert.Equal("berlin-mitte", error.OptionsName);
    }

    [Fact]
    public void Options_set_in_code_fail_at_start_without_a_configuration_path()
    {
        var services = new ServiceCollection();
        services.AddPmsHotelOptions<AcmeOptions>("prague", "mews", o => o.ClientId = "c", new AcmeOptionsValidator());

        var error = StartupFailure(services);

        Assert.Equal(
            ["Hotel 'prague' (mews): PropertyId is required.", "Hotel 'prague' (mews): ClientSecret is required."],
            error.Failures);
    }

    [Fact]
    public void The_base_validator_needs_only_the_property_id()
    {
        var services = new ServiceCollection();
        services.AddPmsHotelOptions<AcmeOptions>("prague", "mews", _ => { });

        var error = StartupFailure(services);

        Assert.Equal(["Hotel 'prague' (mews): PropertyId is required."], error.Failures);
    }

    [Fact]
    public void Valid_options_of_several_hotels_are_named_by_hotel_and_validated_separately()
    {
        var configuration = Configuration(
            ("Hotels:berlin:PropertyId", "BER"),
            ("Hotels:berlin:ClientId", "c1"),
            ("Hotels:berlin:ClientSecret", "s1"),
            ("Hotels:berlin:BaseAddress", "http://127.0.0.1:5000/"));
        var services = new ServiceCollection();
        services.AddPmsHotelOptions("berlin", "apaleo", configuration.GetSection("Hotels:berlin"), new AcmeOptionsValidator());
        services.AddPmsHotelOptions<AcmeOptions>("munich", "apaleo", o =>
        {
            o.PropertyId = "MUC";
            o.ClientId = "c2";
            o.ClientSecret = "s2";
        }, new AcmeOptionsValidator());
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var monitor = provider.GetRequiredService<IOptionsMonitor<AcmeOptions>>();

        Assert.Equal("BER", monitor.Get("berlin").PropertyId);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), monitor.Get("berlin").BaseAddress);
        Assert.Equal("MUC", monitor.Get("munich").PropertyId);
    }

    [Fact]
    public void A_failure_message_never_contains_the_settings_value()
    {
        var configuration = Configuration(("Hotels:berlin:PropertyId", "BER"), ("Hotels:berlin:ClientSecret", "super-secret"), ("Hotels:berlin:BaseAddress", "ftp://secret-host/"));
        var services = new ServiceCollection();
        services.AddPmsHotelOptions("berlin", "apaleo", configuration.GetSection("Hotels:berlin"), new AcmeOptionsValidator());

        var error = StartupFailure(services);

        Assert.DoesNotContain("super-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-host", error.Message, StringComparison.Ordinal);
    }
}
