using System.Net;
using System.Text.Json;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Opera.Wire;
using Refit;

namespace HotelPlatform.Connectors.Opera;

/// <summary>What a call to OHIP is, for errors.</summary>
/// <param name="Operation">The connector operation.</param>
internal sealed record OperaCall(string Operation) : PmsCall(Operation)
{
    /// <summary>Gets a value indicating whether a 400/409 to this write may mean "no rooms left" (a create, a stay change).</summary>
    public bool RefusalMayMeanNoAvailability { get; init; }

    /// <summary>Gets a value indicating whether a 400/409 to this write means the reservation's state does not allow it (a cancellation of a guest in house).</summary>
    public bool RefusalMeansInvalidState { get; init; }
}

/// <summary>
/// Reads OHIP's problem body (<c>exceptionDetailType</c>: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>,
/// <c>o:errorCode</c>, <c>o:errorPath</c>, <c>o:errorDetails[]</c>) into the error the runtime turns into an exception:
/// title, detail and each detail's title become the messages, <c>o:errorCode</c> the vendor error code,
/// <c>o:errorPath</c> the field. 401, 403, 405, 406, 413, 414, 415, 502 and 503 have no body schema; a non-JSON body
/// is ignored.
/// </summary>
internal sealed class OperaResponseClassifier : PmsResponseClassifier
{
    /// <summary>The correlation header OHIP documents (<c>x-request-id</c>, a UUID).</summary>
    public const string RequestIdHeader = "x-request-id";

    public static OperaResponseClassifier Instance { get; } = new();

    protected override async ValueTask<PmsVendorError> ReadErrorAsync(PmsResponseContext context, PmsVendorError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        var problem = Parse(await context.ReadBodyAsync(cancellationToken: cancellationToken).ConfigureAwait(false));
        if (problem is null)
        {
            return error;
        }

        var messages = new List<string>();
        Add(messages, problem.Title);
        Add(messages, problem.Detail);
        foreach (var detail in problem.ErrorDetails ?? [])
        {
            Add(messages, detail.Title);
            Add(messages, detail.Detail);
        }

        return error with
        {
            Messages = messages,
            ErrorCode = problem.ErrorCode ?? problem.ErrorDetails?.Select(d => d.ErrorCode).FirstOrDefault(c => c is not null),
            Field = problem.ErrorPath ?? problem.ErrorDetails?.Select(d => d.ErrorPath).FirstOrDefault(p => p is not null),
        };
    }

    /// <summary>Reads a problem body; <see langword="null"/> when the body is empty or not one.</summary>
    internal static ProblemModel? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, OperaJsonContext.Default.ProblemModel);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Add(List<string> messages, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && !messages.Contains(text, StringComparer.Ordinal))
        {
            messages.Add(text);
        }
    }
}

/// <summary>Reads OHIP answers; a refused create or stay change that names availability is a <see cref="PmsConflictReason.NoAvailability"/> conflict.</summary>
internal sealed class OperaResponses() : PmsResponseReader(PmsVendors.Opera)
{
    public static OperaResponses Instance { get; } = new();

    /// <summary>Sends a create and returns the last path segment of the 201's <c>Location</c> (the new resource's id), or <see langword="null"/> when OHIP sent none.</summary>
    public async Task<string?> CreateAsync(Task<IApiResponse> call, PmsCall context, CancellationToken cancellationToken)
    {
        string? location = null;
        await SendAsync(Capture(call), context, cancellationToken).ConfigureAwait(false);
        return location;

        async Task<IApiResponse> Capture(Task<IApiResponse> pending)
        {
            var answer = await pending.ConfigureAwait(false);
            location = LastSegment(answer.Headers?.Location);
            return answer;
        }
    }

    /// <summary>Reads the id at the end of a <c>Location</c> (absolute or relative; a query is ignored).</summary>
    internal static string? LastSegment(Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', 2)[0];
        var segment = path.TrimEnd('/').Split('/')[^1];
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }

    protected override PmsVendorError Refine(PmsVendorError error, PmsCall call)
    {
        error = base.Refine(error, call);
        if (call is not OperaCall opera || (int)error.StatusCode is not (400 or 409))
        {
            return error;
        }

        if (opera.RefusalMayMeanNoAvailability && error.Messages.Any(SaysNoAvailability))
        {
            return error with { StatusCode = HttpStatusCode.Conflict, ConflictReason = PmsConflictReason.NoAvailability };
        }

        return opera.RefusalMeansInvalidState ? error with { StatusCode = HttpStatusCode.Conflict, ConflictReason = PmsConflictReason.InvalidState } : error;
    }

    /// <summary>OHIP documents no error code for "sold out"; its messages name availability or inventory.</summary>
    private static bool SaysNoAvailability(string message) =>
        message.Contains("availab", StringComparison.OrdinalIgnoreCase) || message.Contains("inventory", StringComparison.OrdinalIgnoreCase);
}
