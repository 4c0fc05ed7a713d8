namespace HotelPlatform.Connectors.ContractTests;

/// <summary>How one kit test ended, handed to <see cref="PmsContractFixture.OnTestEndedAsync"/>.</summary>
/// <param name="Result">Passed, failed or skipped (xunit's result of the test).</param>
public sealed record ContractTestOutcome(TestResult Result)
{
    /// <summary>Gets why the kit skipped the test, when it did (a missing capability, scenario part or fixture ability).</summary>
    public string? SkipReason { get; init; }

    /// <summary>Gets the message of the failure, when the test failed.</summary>
    public string? FailureMessage { get; init; }
}
