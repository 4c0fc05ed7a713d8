using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors;

/// <summary>
/// The connector operation running on the current asynchronous flow and its <see cref="PmsOperationIntent"/>, set by
/// the <see cref="PmsConnector"/> base and the telemetry layer around every call, so that the HTTP pipeline below can
/// name the operation in log lines and exceptions and decide whether a request may be retried without the connector
/// passing either down. Public access is <see cref="PmsOperation"/>.
/// </summary>
internal static class PmsOperationContext
{
    private static readonly AsyncLocal<State?> CurrentState = new();

    /// <summary>Gets the operation of the current flow, if any.</summary>
    public static string? Current => CurrentState.Value?.Operation;

    /// <summary>Gets the intent of the current flow; <see cref="PmsOperationIntent.Unspecified"/> outside an operation.</summary>
    public static PmsOperationIntent CurrentIntent => CurrentState.Value?.Intent ?? PmsOperationIntent.Unspecified;

    /// <summary>Returns whether the flow is already in <paramref name="operation"/> with <paramref name="intent"/>.</summary>
    public static bool IsCurrent(string operation, PmsOperationIntent intent) =>
        CurrentState.Value is { } state && state.Intent == intent && string.Equals(state.Operation, operation, StringComparison.Ordinal);

    /// <summary>Sets the operation, keeping the intent of the flow, until the returned scope is disposed.</summary>
    /// <param name="operation">The operation name.</param>
    /// <returns>The scope that restores the previous state.</returns>
    public static Scope Enter(string operation) => Enter(operation, CurrentIntent);

    /// <summary>Sets the operation and its intent until the returned scope is disposed.</summary>
    /// <param name="operation">The operation name, or <see langword="null"/> to keep the flow's.</param>
    /// <param name="intent">The intent.</param>
    /// <returns>The scope that restores the previous state.</returns>
    public static Scope Enter(string? operation, PmsOperationIntent intent)
    {
        var previous = CurrentState.Value;
        if (previous is not null && previous.Intent == intent && (operation is null || string.Equals(previous.Operation, operation, StringComparison.Ordinal)))
        {
            // Already on the flow (the telemetry layer entered it): nothing to set, nothing to restore, nothing allocated.
            return new Scope(previous, changed: false);
        }

        CurrentState.Value = new State(operation ?? previous?.Operation, intent);
        return new Scope(previous, changed: true);
    }

    /// <summary>Restores the previous state when disposed.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly State? _previous;
        private readonly bool _changed;

        internal Scope(State? previous, bool changed)
        {
            _previous = previous;
            _changed = changed;
        }

        public void Dispose()
        {
            if (_changed)
            {
                CurrentState.Value = _previous;
            }
        }
    }

    /// <summary>What runs on the flow.</summary>
    internal sealed record State(string? Operation, PmsOperationIntent Intent);
}
