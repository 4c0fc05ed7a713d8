using System.Globalization;

namespace HotelPlatform.Connectors;

/// <summary>An amount of money in an ISO 4217 currency. Never a floating-point number.</summary>
public readonly record struct Money
{
    /// <summary>Initializes a new instance of the <see cref="Money"/> struct.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 alphabetic code, for example <c>EUR</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not an active ISO 4217 code.</exception>
    public Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = CurrencyCodes.Normalize(currency, nameof(currency));
    }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the ISO 4217 alphabetic currency code, upper case.</summary>
    public string Currency { get; }

    /// <summary>Returns a zero amount in <paramref name="currency"/>.</summary>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <returns>Zero in that currency.</returns>
    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right)
    {
        if (!string.Equals(left.Currency, right.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot add {right.Currency} to {left.Currency}.");
        }

        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    public Money Add(Money other) => this + other;

    /// <summary>Multiplies an amount by a quantity.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The product.</returns>
    public static Money operator *(Money left, decimal quantity) => new(left.Amount * quantity, left.Currency);

    /// <summary>Multiplies this amount by a quantity.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The product.</returns>
    public Money Multiply(decimal quantity) => this * quantity;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00##} {Currency}");
}
