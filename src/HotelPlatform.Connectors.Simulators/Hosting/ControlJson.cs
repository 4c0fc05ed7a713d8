using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>The JSON shapes of the control routes and of the simulator's own refusals (camelCase, enums as names).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RefusalBody))]
[JsonSerializable(typeof(SimpleError))]
[JsonSerializable(typeof(SimulatorStatus))]
[JsonSerializable(typeof(FaultRuleView))]
[JsonSerializable(typeof(List<FaultRuleView>))]
[JsonSerializable(typeof(List<AppliedFaultView>))]
[JsonSerializable(typeof(List<RecordedRequest>))]
[JsonSerializable(typeof(List<ValidationFailure>))]
internal sealed partial class ControlJson : JsonSerializerContext
{
    /// <summary>Strict options for the bodies the control routes read (fault rules): the dashboard gets the same treatment as a connector.</summary>
    internal static readonly JsonSerializerOptions StrictInput = CreateStrictInput();

    private static JsonSerializerOptions CreateStrictInput()
    {
        JsonSerializerOptions options = StrictJson.CreateOptions(JsonNamingPolicy.CamelCase);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

internal sealed record SimpleError(string Error, string Message);

internal sealed record SimulatorStatus(
    string Vendor,
    string BaseAddress,
    DateTimeOffset Now,
    int Seed,
    int Requests,
    int PendingFaults,
    int ValidationFailures,
    bool EnforceRateLimits);

/// <summary>A fault rule as the control routes show it and accept it (durations in milliseconds and seconds, for a dashboard form).</summary>
internal sealed record FaultRuleView
{
    public string? Id { get; init; }

    public required FaultKind Kind { get; init; }

    public string? Method { get; init; }

    public string Path { get; init; } = "/**";

    /// <summary>How many requests; JSON <c>null</c> for unlimited, absent for one.</summary>
    public int? Times { get; init; } = 1;

    public int? Remaining { get; init; }

    public double? DelayMilliseconds { get; init; }

    public double? RetryAfterSeconds { get; init; }

    public int? StatusCode { get; init; }

    public bool? Hang { get; init; }

    public static FaultRuleView From(FaultRule rule) => new()
    {
        Id = rule.Id,
        Kind = rule.Fault.Kind,
        Method = rule.Method,
        Path = rule.PathPattern,
        Times = rule.Times,
        Remaining = rule.Remaining,
        DelayMilliseconds = rule.Fault.Kind == FaultKind.Latency ? rule.Fault.Delay.TotalMilliseconds : null,
        RetryAfterSeconds = rule.Fault.Kind == FaultKind.TooManyRequests ? rule.Fault.RetryAfter.TotalSeconds : null,
        StatusCode = rule.Fault.Kind == FaultKind.ServerError ? rule.Fault.StatusCode : null,
        Hang = rule.Fault.Kind == FaultKind.CommitThenTimeout ? rule.Fault.Hang : null,
    };

    /// <summary>Builds the rule, or lists what is wrong (a setting that does not belong to the kind is refused, not ignored).</summary>
    public (FaultRule? Rule, List<ValidationViolation> Violations) ToRule()
    {
        var violations = new List<ValidationViolation>();
        void Forbid(object? value, string name)
        {
            if (value is not null)
            {
                violations.Add(new($"$.{name}", $"'{name}' does not apply to a {Kind} fault."));
            }
        }

        if (Id is not null)
        {
            violations.Add(new("$.id", "'id' is assigned by the simulator."));
        }

        if (Remaining is not null)
        {
            violations.Add(new("$.remaining", "'remaining' is reported by the simulator; send 'times'."));
        }

        SimulatedFault? fault = null;
        try
        {
            switch (Kind)
            {
                case FaultKind.Latency:
                    Forbid(RetryAfterSeconds, "retryAfterSeconds");
                    Forbid(StatusCode, "statusCode");
                    Forbid(Hang, "hang");
                    if (DelayMilliseconds is not { } delay)
                    {
                        violations.Add(new("$.delayMilliseconds", "A Latency fault needs 'delayMilliseconds'."));
                    }
                    else
                    {
                        fault = SimulatedFault.Latency(TimeSpan.FromMilliseconds(delay));
                    }

                    break;
                case FaultKind.TooManyRequests:
                    Forbid(DelayMilliseconds, "delayMilliseconds");
                    Forbid(StatusCode, "statusCode");
                    Forbid(Hang, "hang");
                    if (RetryAfterSeconds is not { } retryAfter)
                    {
                        violations.Add(new("$.retryAfterSeconds", "A TooManyRequests fault needs 'retryAfterSeconds'."));
                    }
                    else
                    {
                        fault = SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(retryAfter));
                    }

                    break;
                case FaultKind.ServerError:
                    Forbid(DelayMilliseconds, "delayMilliseconds");
                    Forbid(RetryAfterSeconds, "retryAfterSeconds");
                    Forbid(Hang, "hang");
                    fault = SimulatedFault.ServerError(StatusCode ?? 500);
                    break;
                case FaultKind.DropConnection:
                case FaultKind.MalformedBody:
                    Forbid(DelayMilliseconds, "delayMilliseconds");
                    Forbid(RetryAfterSeconds, "retryAfterSeconds");
                    Forbid(StatusCode, "statusCode");
                    Forbid(Hang, "hang");
                    fault = Kind == FaultKind.DropConnection ? SimulatedFault.DropConnection() : SimulatedFault.MalformedBody();
                    break;
                default:
                    Forbid(DelayMilliseconds, "delayMilliseconds");
                    Forbid(RetryAfterSeconds, "retryAfterSeconds");
                    Forbid(StatusCode, "statusCode");
                    fault = SimulatedFault.CommitThenTimeout(Hang ?? false);
                    break;
            }

            if (violations.Count > 0 || fault is null)
            {
                return (null, violations);
            }

            return (new FaultRule(fault, Method, Path, Times), violations);
        }
        catch (ArgumentException ex)
        {
            // Out-of-range values (negative delay, status 404, times 0, a path without '/') are refused with the factory's reason.
            violations.Add(new(ex.ParamName is { } p ? $"$.{(p == "pathPattern" ? "path" : p)}" : "$", ex.Message));
            return (null, violations);
        }
    }
}

internal sealed record AppliedFaultView(string RuleId, FaultKind Kind, string Description, long RequestSequence, string Method, string Path, DateTimeOffset AppliedAt)
{
    public static AppliedFaultView From(AppliedFault applied) =>
        new(applied.RuleId, applied.Fault.Kind, applied.Fault.ToString(), applied.RequestSequence, applied.Method, applied.Path, applied.AppliedAt);
}
