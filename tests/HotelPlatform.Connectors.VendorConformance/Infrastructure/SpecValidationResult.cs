using System.Text;

namespace HotelPlatform.Connectors.VendorConformance;

/// <summary>One way a request, payload or XML message departs from the vendor's documents.</summary>
/// <param name="Location">Where: <c>operation</c>, <c>path</c>, <c>query</c>, <c>header</c>, <c>body</c> or <c>xml</c>.</param>
/// <param name="Path">The JSON path (<c>$.reservations[0].channelCode</c>), parameter name, or element path (<c>/OTA_PingRQ/EchoData</c>).</param>
/// <param name="Message">What is wrong.</param>
public sealed record SpecViolation(string Location, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location} {Path}: {Message}";
}

/// <summary>The outcome of validating something against a vendor document: every violation, not just the first.</summary>
public sealed class SpecValidationResult
{
    /// <summary>Initializes a new instance of the <see cref="SpecValidationResult"/> class.</summary>
    /// <param name="subject">What was validated, for messages (<c>POST /booking/v1/bookings</c>).</param>
    /// <param name="source">The document it was validated against.</param>
    /// <param name="violations">The violations.</param>
    public SpecValidationResult(string subject, string source, IReadOnlyList<SpecViolation> violations)
    {
        Subject = subject;
        Source = source;
        Violations = violations;
    }

    /// <summary>Gets what was validated.</summary>
    public string Subject { get; }

    /// <summary>Gets the document it was validated against.</summary>
    public string Source { get; }

    /// <summary>Gets every violation found.</summary>
    public IReadOnlyList<SpecViolation> Violations { get; }

    /// <summary>Gets a value indicating whether nothing was found.</summary>
    public bool IsValid => Violations.Count == 0;

    /// <summary>Fails the test, listing every violation, unless valid.</summary>
    public void AssertValid()
    {
        if (!IsValid)
        {
            Assert.Fail(ToString());
        }
    }

    /// <summary>Returns the violations at a JSON path, parameter or element path.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The violations there.</returns>
    public IReadOnlyList<SpecViolation> At(string path) => [.. Violations.Where(v => v.Path == path)];

    /// <inheritdoc />
    public override string ToString()
    {
        if (IsValid)
        {
            return $"{Subject} conforms to {Source}.";
        }

        var text = new StringBuilder($"{Subject} does not conform to {Source} ({Violations.Count} violation(s)):");
        foreach (SpecViolation violation in Violations)
        {
            text.Append("\n  - ").Append(violation);
        }

        return text.ToString();
    }
}
