namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// The simulator's fault queue, usable in-process (<c>simulator.Faults.Enqueue(...)</c>) and over HTTP
/// (<c>POST /_simulator/faults</c>). Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    internal FaultInjector()
    {
    }

    /// <summary>Gets the faults applied so far, in order. A latency fault is recorded when its delay starts, so a test can advance a fake clock once it sees it.</summary>
    public SimulatorLog<AppliedFault> Applied { get; } = new();

    /// <summary>Gets the rules that can still apply, in matching order.</summary>
    public IReadOnlyList<FaultRule> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Where(r => !r.IsExhausted)];
            }
        }
    }

    /// <summary>Queues a fault for requests matching a method and path pattern.</summary>
    /// <param name="fault">The failure to inject.</param>
    /// <param name="method">The HTTP method, or <see langword="null"/> for any.</param>
    /// <param name="pathPattern">The path pattern (see <see cref="FaultRule"/>); every path when omitted.</param>
    /// <param name="times">How many matching requests it applies to; <see langword="null"/> for all until removed.</param>
    /// <returns>The queued rule.</returns>
    public FaultRule Enqueue(SimulatedFault fault, string? method = null, string pathPattern = "/**", int? times = 1) =>
        Enqueue(new FaultRule(fault, method, pathPattern, times));

    /// <summary>Queues a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The same rule.</returns>
    public FaultRule Enqueue(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Removes one rule.</summary>
    /// <param name="ruleId">The rule's <see cref="FaultRule.Id"/>.</param>
    /// <returns><see langword="true"/> when it was queued.</returns>
    public bool Remove(string ruleId)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Id == ruleId) > 0;
        }
    }

    /// <summary>Removes every queued rule (the <see cref="Applied"/> history is kept).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Takes the first rule matching the request, using up one of its applications.</summary>
    internal FaultRule? TryTake(string method, string path)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => r.IsExhausted);
            foreach (FaultRule rule in _rules)
            {
                if (rule.Matches(method, path) && rule.TryConsume())
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
