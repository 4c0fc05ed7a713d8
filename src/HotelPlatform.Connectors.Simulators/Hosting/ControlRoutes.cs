using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// The reserved routes under <c>/_simulator</c> through which a dashboard (or a test in another process) drives a
/// simulator. They are not journaled, rate-limited, faulted or authenticated, and never clash with a vendor route.
/// </summary>
internal static class ControlRoutes
{
    public const string Prefix = "/_simulator";

    public static bool IsControlPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public static void Map(IEndpointRouteBuilder routes, VendorSimulator simulator)
    {
        RouteGroupBuilder group = routes.MapGroup(Prefix);

        group.MapGet("/", () => Results.Json(
            new SimulatorStatus(
                simulator.Vendor,
                simulator.BaseAddress.ToString(),
                simulator.TimeProvider.GetUtcNow(),
                simulator.Options.Seed,
                simulator.Requests.Count,
                simulator.Faults.Pending.Count,
                simulator.ValidationFailures.Count,
                simulator.Options.EnforceRateLimits),
            ControlJson.Default.SimulatorStatus));

        group.MapGet("/requests", (HttpContext context) =>
        {
            // ?after=<sequence> lets a dashboard poll for what is new.
            long after = 0;
            if (context.Request.Query.TryGetValue("after", out var values)
                && !long.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out after))
            {
                return Results.Json(new SimpleError("invalid_request", "'after' must be a request sequence number."), ControlJson.Default.SimpleError, statusCode: 400);
            }

            return Results.Json(simulator.Requests.Where(r => r.Sequence > after).ToList(), ControlJson.Default.ListRecordedRequest);
        });

        group.MapDelete("/requests", () =>
        {
            simulator.Requests.Clear();
            return Results.NoContent();
        });

        group.MapGet("/faults", () => Results.Json(simulator.Faults.Pending.Select(FaultRuleView.From).ToList(), ControlJson.Default.ListFaultRuleView));

        group.MapPost("/faults", async (HttpContext context) =>
        {
            byte[] body = await StrictRequestValidator.ReadBodyAsync(context.Request).ConfigureAwait(false);
            var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<FaultRuleView>)ControlJson.StrictInput.GetTypeInfo(typeof(FaultRuleView));
            var (view, violations) = StrictJsonReader.Deserialize(body, typeInfo);
            FaultRule? rule = null;
            if (view is not null && violations.Count == 0)
            {
                (rule, violations) = view.ToRule();
            }

            if (rule is null)
            {
                // Not recorded as a ValidationFailure: those are reserved for what a connector sends to the vendor routes.
                return Results.Json(
                    new RefusalBody("invalid_fault", "The fault rule is not valid.", [.. violations.Select(v => new RefusalViolation(v.Member, v.Message))]),
                    ControlJson.Default.RefusalBody,
                    statusCode: StatusCodes.Status400BadRequest);
            }

            simulator.Faults.Enqueue(rule);
            return Results.Json(FaultRuleView.From(rule), ControlJson.Default.FaultRuleView, statusCode: StatusCodes.Status201Created);
        });

        group.MapDelete("/faults", () =>
        {
            simulator.Faults.Clear();
            return Results.NoContent();
        });

        group.MapDelete("/faults/{id}", (string id) => simulator.Faults.Remove(id) ? Results.NoContent() : Results.NotFound());

        group.MapGet("/faults/applied", () => Results.Json(simulator.Faults.Applied.Select(AppliedFaultView.From).ToList(), ControlJson.Default.ListAppliedFaultView));

        group.MapGet("/validation-failures", () => Results.Json(simulator.ValidationFailures.ToList(), ControlJson.Default.ListValidationFailure));

        group.MapDelete("/validation-failures", () =>
        {
            simulator.ValidationFailures.Clear();
            return Results.NoContent();
        });

        group.MapPost("/reset", () =>
        {
            simulator.Reset();
            return Results.NoContent();
        });

        group.MapFallback(() => Results.Json(new SimpleError("not_found", "Unknown simulator control route."), ControlJson.Default.SimpleError, statusCode: 404));
    }
}
