using System.Reflection;

namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// Fails when the connector declares a capability (or offers a feature sub-client through <see cref="IPmsConnector.GetService"/>)
/// whose kit area has no subclass in the test assembly, unless the area
/// is opted out with <see cref="ContractKitOptOutAttribute"/> and a reason; so a connector cannot pass the kit by
/// forgetting an area (modelled on Semantic Kernel's <c>All_test_bases_must_be_implemented</c>). The rule is
/// <see cref="ContractKit.FindGaps(IEnumerable{Type}, IPmsConnector, IEnumerable{ContractKitOptOutAttribute}, string)"/>. Subclass it once per connector:
/// <code>public sealed class MyVendorKitCompleteness(MyVendorFixture f) : ContractKitCompletenessTests&lt;MyVendorFixture&gt;(f);</code>
/// Opt-outs go on that subclass or on the test assembly.
/// </summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
public abstract class ContractKitCompletenessTests<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : PmsContractFixture
{
    private readonly ContractTestContext _context = new("KitCompleteness", TestContext.Current.TestMethod?.MethodName ?? nameof(Every_declared_capability_has_its_contract_tests));

    /// <summary>Initializes a new instance of the <see cref="ContractKitCompletenessTests{TFixture}"/> class.</summary>
    /// <param name="fixture">The fixture.</param>
    protected ContractKitCompletenessTests(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
    }

    /// <summary>Gets the fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>Gets the assembly searched for area subclasses and assembly-level opt-outs: the concrete test class's own.</summary>
    protected virtual Assembly TestAssembly => GetType().Assembly;

    /// <summary>Tells the fixture the test is starting, as every kit test does (a fixture may skip it there).</summary>
    /// <returns>A task that completes when the fixture is ready.</returns>
    public virtual ValueTask InitializeAsync() => Fixture.OnTestStartingAsync(_context);

    /// <summary>Tells the fixture how the test ended.</summary>
    /// <returns>A task that completes when the fixture recorded it.</returns>
    public async ValueTask DisposeAsync()
    {
        var state = TestContext.Current.TestState;
        await Fixture.OnTestEndedAsync(_context, new ContractTestOutcome(state?.Result ?? TestResult.NotRun)
        {
            FailureMessage = state?.ExceptionMessages is [var first, ..] ? first : null,
        });
        GC.SuppressFinalize(this);
    }

    /// <summary>Every area the connector's capabilities call for has a subclass or an opt-out with a reason, and every opt-out is sound.</summary>
    [Fact]
    public virtual void Every_declared_capability_has_its_contract_tests()
    {
        var optOuts = GetType().GetCustomAttributes<ContractKitOptOutAttribute>(inherit: true)
            .Concat(TestAssembly.GetCustomAttributes<ContractKitOptOutAttribute>())
            .ToList();
        foreach (var optOut in optOuts)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Opted out: {optOut.Area?.Name}: {optOut.Reason}");
        }

        var gaps = ContractKit.FindGaps(TestAssembly.GetTypes(), Fixture.Connector, optOuts, typeof(TFixture).Name);

        Assert.True(gaps.Count == 0, $"The {Fixture.Connector.Vendor} connector's kit run is incomplete:{Environment.NewLine}{string.Join(Environment.NewLine, gaps)}");
    }
}
