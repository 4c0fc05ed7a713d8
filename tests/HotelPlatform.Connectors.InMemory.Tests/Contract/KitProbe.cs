namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

/// <summary>Runs single kit tests by hand, for the kit's own tests: against a broken connector or fixture, a kit test must fail or skip.</summary>
internal static class KitProbe
{
    /// <summary>Runs one kit test the way xunit would (fixture, per-test set-up, test, cleanup) and returns how it ended.</summary>
    public static async Task<Exception?> RunAsync<TProbe>(InMemoryContractFixture fixture, Func<InMemoryContractFixture, TProbe> create, Func<TProbe, Task> test)
        where TProbe : IAsyncLifetime
    {
        await fixture.InitializeAsync();
        try
        {
            var probe = create(fixture);
            await probe.InitializeAsync();
            try
            {
                return await Record.ExceptionAsync(() => test(probe));
            }
            finally
            {
                await probe.DisposeAsync();
            }
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    /// <summary>A test fails when anything but a skip escapes it: a failed assertion, or the connector's exception the kit did not expect.</summary>
    public static void AssertFailed(Exception? outcome)
    {
        Assert.True(outcome is not null, "The kit test passed against the broken connector.");
        Assert.False(outcome is ProbeSkippedException, $"The kit test skipped instead of failing: {outcome.Message}");
    }
}

/// <summary>
/// Thrown by a probe's SkipTest instead of skipping: xunit v3 reports a test as skipped as soon as Assert.Skip is called,
/// even when the exception is caught, so the meta-test would be reported as skipped itself.
/// </summary>
internal sealed class ProbeSkippedException(string reason) : Exception(reason);
