using System.Diagnostics.Metrics;
using HotelPlatform.Connectors;

namespace HotelPlatform.Samples.Host.Operations;

/// <summary>One vendor account's quota now: the permits its limiter holds when idle and how many are free.</summary>
internal sealed record OpsQuotaStatus(string Vendor, string Account, long Available, long Limit)
{
    /// <summary>Gets the share of the account's permits in use (0 to 1).</summary>
    public double InUse => Limit <= 0 ? 0 : Math.Clamp(1 - ((double)Available / Limit), 0, 1);
}

/// <summary>
/// Reads the runtime's rate-limit gauges (<see cref="PmsTelemetry.RateLimitAvailablePermitsMetric"/>,
/// <see cref="PmsTelemetry.RateLimitPermitLimitMetric"/>) of this host's meter on demand: the status page and the alert
/// rules see the same numbers Prometheus scrapes, with no second path into the limiters.
/// </summary>
internal sealed class OpsQuota : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Vendor, string Account), (long? Available, long? Limit)> _read = [];

    public OpsQuota(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Meter.Name == PmsTelemetry.SourceName &&
                instrument.Name is PmsTelemetry.RateLimitAvailablePermitsMetric or PmsTelemetry.RateLimitPermitLimitMetric)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Every account whose limiter publishes its permits, by vendor and account.</summary>
    public IReadOnlyList<OpsQuotaStatus> Accounts()
    {
        lock (_gate)
        {
            _read.Clear();
            _listener.RecordObservableInstruments();
            return [.. _read.Where(r => r.Value is { Available: not null, Limit: not null })
                .Select(r => new OpsQuotaStatus(r.Key.Vendor, r.Key.Account, r.Value.Available!.Value, r.Value.Limit!.Value))
                .OrderBy(q => q.Vendor, StringComparer.Ordinal).ThenBy(q => q.Account, StringComparer.Ordinal)];
        }
    }

    public void Dispose() => _listener.Dispose();

    // Called synchronously from RecordObservableInstruments, under the gate taken by Accounts.
    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? vendor = null, account = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case PmsTelemetry.VendorTag: vendor = tag.Value as string; break;
                case PmsTelemetry.AccountTag: account = tag.Value as string; break;
            }
        }

        if (vendor is null || account is null)
        {
            return;
        }

        var read = _read.GetValueOrDefault((vendor, account));
        _read[(vendor, account)] = instrument.Name == PmsTelemetry.RateLimitAvailablePermitsMetric ? read with { Available = value } : read with { Limit = value };
    }
}
