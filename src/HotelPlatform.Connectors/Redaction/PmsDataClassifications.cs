using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace HotelPlatform.Connectors;

/// <summary>
/// The data classification taxonomy of the connectors (Microsoft.Extensions.Compliance). Connector packages and
/// applications annotate log parameters and properties with <see cref="GuestPersonalDataAttribute"/>,
/// <see cref="PmsSecretAttribute"/> or <see cref="VendorTextAttribute"/>; with redaction enabled on the logging
/// pipeline (<c>services.AddRedaction(r =&gt; r.AddPmsRedactors())</c> and <c>logging.EnableRedaction()</c>) every
/// classified value is redacted before it is written.
/// </summary>
public static class PmsDataClassifications
{
    /// <summary>The taxonomy name.</summary>
    public const string TaxonomyName = "HotelPlatform.Connectors";

    /// <summary>Gets the classification of a guest's personal data: names, e-mail, phone, postal address, documents.</summary>
    public static DataClassification GuestPersonalData { get; } = new(TaxonomyName, nameof(GuestPersonalData));

    /// <summary>Gets the classification of secrets: client secrets, API keys, access and refresh tokens.</summary>
    public static DataClassification Secret { get; } = new(TaxonomyName, nameof(Secret));

    /// <summary>
    /// Gets the classification of free text written by a vendor (error messages, comments) that may embed personal data
    /// or secrets; <see cref="PmsTextRedactor"/> scrubs it instead of erasing it.
    /// </summary>
    public static DataClassification VendorText { get; } = new(TaxonomyName, nameof(VendorText));
}

/// <summary>Marks a guest's personal data (<see cref="PmsDataClassifications.GuestPersonalData"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class GuestPersonalDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes a new instance of the <see cref="GuestPersonalDataAttribute"/> class.</summary>
    public GuestPersonalDataAttribute()
        : base(PmsDataClassifications.GuestPersonalData)
    {
    }
}

/// <summary>Marks a secret (<see cref="PmsDataClassifications.Secret"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class PmsSecretAttribute : DataClassificationAttribute
{
    /// <summary>Initializes a new instance of the <see cref="PmsSecretAttribute"/> class.</summary>
    public PmsSecretAttribute()
        : base(PmsDataClassifications.Secret)
    {
    }
}

/// <summary>Marks free text written by a vendor (<see cref="PmsDataClassifications.VendorText"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class VendorTextAttribute : DataClassificationAttribute
{
    /// <summary>Initializes a new instance of the <see cref="VendorTextAttribute"/> class.</summary>
    public VendorTextAttribute()
        : base(PmsDataClassifications.VendorText)
    {
    }
}

/// <summary>A <see cref="Redactor"/> that applies <see cref="PmsRedaction.Scrub"/>: it keeps the text readable and removes the personal data and secrets in it.</summary>
public sealed class PmsTextRedactor : Redactor
{
    /// <inheritdoc />
    public override int GetRedactedLength(ReadOnlySpan<char> input) => PmsRedaction.Scrub(input.ToString()).Length;

    /// <inheritdoc />
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        var scrubbed = PmsRedaction.Scrub(source.ToString());
        if (scrubbed.Length > destination.Length)
        {
            throw new ArgumentException("The destination is shorter than GetRedactedLength returned.", nameof(destination));
        }

        scrubbed.AsSpan().CopyTo(destination);
        return scrubbed.Length;
    }
}

/// <summary>Maps the <see cref="PmsDataClassifications"/> to redactors.</summary>
public static class PmsRedactionBuilderExtensions
{
    /// <summary>
    /// Erases <see cref="PmsDataClassifications.GuestPersonalData"/> and <see cref="PmsDataClassifications.Secret"/>,
    /// and scrubs <see cref="PmsDataClassifications.VendorText"/> with <see cref="PmsTextRedactor"/>. Call it inside
    /// <c>services.AddRedaction(...)</c>; map the classifications to another redactor (an HMAC redactor, for instance,
    /// to correlate a guest across log lines) by calling <c>SetRedactor</c> after it.
    /// </summary>
    /// <param name="builder">The redaction builder.</param>
    /// <returns>The builder.</returns>
    public static IRedactionBuilder AddPmsRedactors(this IRedactionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .SetRedactor<ErasingRedactor>(new DataClassificationSet(PmsDataClassifications.GuestPersonalData), new DataClassificationSet(PmsDataClassifications.Secret))
            .SetRedactor<PmsTextRedactor>(new DataClassificationSet(PmsDataClassifications.VendorText));
    }
}
