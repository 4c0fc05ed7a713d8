namespace HotelPlatform.Connectors.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Currency_is_normalised_to_upper_case()
    {
        var money = new Money(12.5m, "eur");

        Assert.Equal("EUR", money.Currency);
        Assert.Equal(12.5m, money.Amount);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_currency_is_refused_naming_the_parameter(string? currency)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Money(1m, currency!));

        Assert.Equal("currency", ex.ParamName);
    }

    [Fact]
    public void Adding_different_currencies_throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(1m, "EUR") + new Money(1m, "USD"));
    }

    [Fact]
    public void Sum_and_product_keep_the_currency()
    {
        var total = (new Money(80m, "EUR") * 3) + new Money(5.5m, "EUR");

        Assert.Equal(new Money(245.5m, "EUR"), total);
        Assert.Equal("245.50 EUR", total.ToString());
    }
}
