using System.Diagnostics.Metrics;

namespace HotelPlatform.Connectors.Analytics;

/// <summary>A PMS operation as the SDK's telemetry measured it.</summary>
/// <param name="Operation">The <c>pms.operation</c> tag (<c>Quote</c>, <c>CreateReservation</c>, ...).</param>
/// <param name="Vendor">The <c>pms.vendor</c> tag.</param>
/// <param name="Outcome">The <c>pms.outcome</c> tag (<c>success</c>, <c>conflict</c>, <c>rate_limited</c>, ...).</param>
/// <param name="Duration">The <c>pms.operation.duration</c> measurement.</param>
public sealed record PmsOperationObservation(string Operation, string Vendor, string Outcome, TimeSpan Duration);

/// <summary>
/// Listens to the SDK's <c>pms.operation.duration</c> histogram (meter <see cref="PmsTelemetry.SourceName"/>) so that an
/// agent reports each PMS call's latency and outcome as the SDK measured them, never timing them again. Measurements are
/// handed to the scope open on the calling async flow (<see cref="BeginScope"/>): the histogram is recorded on the flow
/// that made the call, so concurrent conversations each get their own operations.
/// </summary>
public sealed class PmsOperationCapture : IDisposable
{
    private readonly MeterListener _listener;
    private readonly AsyncLocal<List<PmsOperationObservation>?> _current = new();

    /// <summary>Starts listening.</summary>
    public PmsOperationCapture()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name == PmsTelemetry.SourceName && instrument.Name == PmsTelemetry.OperationDurationMetric)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Collects the operations the current async flow makes until the returned scope is disposed.</summary>
    /// <returns>The scope; read <see cref="PmsOperationScope.Operations"/>.</returns>
    public PmsOperationScope BeginScope()
    {
        var operations = new List<PmsOperationObservation>();
        _current.Value = operations;
        return new PmsOperationScope(this, operations);
    }

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    internal void EndScope(List<PmsOperationObservation> operations)
    {
        if (ReferenceEquals(_current.Value, operations))
        {
            _current.Value = null;
        }
    }

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (_current.Value is not { } operations)
        {
            return;
        }

        string operation = string.Empty, vendor = string.Empty, outcome = string.Empty;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case PmsTelemetry.OperationTag: operation = tag.Value as string ?? string.Empty; break;
                case PmsTelemetry.VendorTag: vendor = tag.Value as string ?? string.Empty; break;
                case PmsTelemetry.OutcomeTag: outcome = tag.Value as string ?? string.Empty; break;
                default: break;
            }
        }

        lock (operations)
        {
            operations.Add(new PmsOperationObservation(operation, vendor, outcome, TimeSpan.FromSeconds(seconds)));
        }
    }
}

/// <summary>The PMS operations one async flow made while the scope was open.</summary>
public sealed class PmsOperationScope : IDisposable
{
    private readonly PmsOperationCapture _owner;
    private readonly List<PmsOperationObservation> _operations;

    internal PmsOperationScope(PmsOperationCapture owner, List<PmsOperationObservation> operations)
    {
        _owner = owner;
        _operations = operations;
    }

    /// <summary>Gets the operations so far, in the order they finished.</summary>
    public IReadOnlyList<PmsOperationObservation> Operations
    {
        get
        {
            lock (_operations)
            {
                return [.. _operations];
            }
        }
    }

    /// <summary>Takes the operations so far and forgets them, so the next call returns only newer ones.</summary>
    /// <returns>The operations since the last take.</returns>
    public IReadOnlyList<PmsOperationObservation> Take()
    {
        lock (_operations)
        {
            PmsOperationObservation[] taken = [.. _operations];
            _operations.Clear();
            return taken;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _owner.EndScope(_operations);
}
