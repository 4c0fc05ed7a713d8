namespace HotelPlatform.Connectors;

/// <summary>
/// The connector operation running on the current asynchronous flow, set by the telemetry layer around every call so
/// that the HTTP pipeline below can name the operation in log lines and exceptions without the connector passing it down.
/// </summary>
internal static class PmsOperationContext
{
    private static readonly AsyncLocal<string?> CurrentOperation = new();

    /// <summary>Gets the operation of the current flow, if any.</summary>
    public static string? Current => CurrentOperation.Value;

    /// <summary>Sets the operation until the returned scope is disposed.</summary>
    /// <param name="operation">The operation name.</param>
    /// <returns>The scope that restores the previous operation.</returns>
    public static Scope Enter(string operation)
    {
        var previous = CurrentOperation.Value;
        CurrentOperation.Value = operation;
        return new Scope(previous);
    }

    /// <summary>Restores the previous operation when disposed.</summary>
    internal readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => CurrentOperation.Value = previous;
    }
}
