using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// The per-request pipeline every vendor route runs behind: journal, rate limit, fault injection, then the vendor's
/// handler. Control routes bypass it.
/// </summary>
internal sealed class SimulatorMiddleware(VendorSimulator simulator, RequestDelegate next)
{
    private static readonly object RecordedRequestKey = new();

    public static RecordedRequest? GetRecordedRequest(HttpContext context) =>
        context.Items.TryGetValue(RecordedRequestKey, out object? entry) ? entry as RecordedRequest : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (ControlRoutes.IsControlPath(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        RecordedRequest entry = await RecordAsync(context).ConfigureAwait(false);
        context.Items[RecordedRequestKey] = entry;

        Stream serverBody = context.Response.Body;
        using var capture = new CaptureStream(serverBody, simulator.Options.MaxCapturedBodyBytes);
        context.Response.Body = capture;
        bool answered = true;
        try
        {
            answered = await ProcessAsync(context, entry).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || simulator.StoppingToken.IsCancellationRequested)
        {
            // The client went away or the simulator is stopping while the request waited (latency, hang): nothing to answer.
            answered = false;
            context.Abort();
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not BadHttpRequestException)
        {
            // A bug in a vendor handler: answer 500 with the reason, so the test that hit it sees why instead of a bare 500.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(
                new SimpleError("simulator_exception", $"{simulator.Vendor} simulator handler failed: {ex.GetType().Name}: {ex.Message}"),
                ControlJson.Default.SimpleError).ConfigureAwait(false);
        }
        finally
        {
            if (answered)
            {
                await FlushAsync(context).ConfigureAwait(false);
                entry.Response = Snapshot(context.Response, capture.GetCapturedBytes(), capture.Truncated);
            }

            context.Response.Body = serverBody;
            entry.IsCompleted = true;
            simulator.Requests.Updated(entry);
        }
    }

    /// <summary>Runs rate limit, faults and handler; false when the client gets no answer (dropped, withheld).</summary>
    private async Task<bool> ProcessAsync(HttpContext context, RecordedRequest entry)
    {
        if (simulator.Options.EnforceRateLimits)
        {
            RateLimitDecision decision = simulator.RateLimiter.TryAcquire(simulator.SelectRateLimitPolicies(context));
            if (!decision.IsAcquired)
            {
                entry.RateLimited = true;
                await simulator.WriteTooManyRequestsInternalAsync(context, decision.RetryAfter).ConfigureAwait(false);
                return true;
            }
        }

        FaultRule? rule = simulator.Faults.TryTake(context.Request.Method, context.Request.Path.Value ?? "/");
        if (rule is null)
        {
            await next(context).ConfigureAwait(false);
            return true;
        }

        SimulatedFault fault = rule.Fault;
        entry.Fault = fault.Kind;
        var applied = new AppliedFault(rule.Id, fault, entry.Sequence, entry.Method, entry.Path, simulator.TimeProvider.GetUtcNow());
        switch (fault.Kind)
        {
            case FaultKind.Latency:
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, simulator.StoppingToken);

                // The timer is created before the fault is reported, so a test that advances a fake clock once it sees
                // the fault always moves this delay.
                Task delay = Task.Delay(fault.Delay, simulator.TimeProvider, linked.Token);
                simulator.Faults.Applied.Add(applied);
                await delay.ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
                return true;
            }

            case FaultKind.TooManyRequests:
                simulator.Faults.Applied.Add(applied);
                await simulator.WriteTooManyRequestsInternalAsync(context, fault.RetryAfter).ConfigureAwait(false);
                return true;

            case FaultKind.ServerError:
                simulator.Faults.Applied.Add(applied);
                await simulator.WriteServerErrorInternalAsync(context, fault.StatusCode).ConfigureAwait(false);
                return true;

            case FaultKind.DropConnection:
                simulator.Faults.Applied.Add(applied);
                context.Abort();
                return false;

            case FaultKind.MalformedBody:
            {
                simulator.Faults.Applied.Add(applied);
                byte[] produced = await RunBufferedAsync(context).ConfigureAwait(false);
                byte[] broken = Malform(produced);
                if (context.Response.StatusCode is < 200 or > 299)
                {
                    context.Response.StatusCode = StatusCodes.Status200OK;
                }

                // The handler may have declared the full length; the cut body must not contradict it, or the client
                // would report a protocol error instead of receiving a body that does not parse.
                context.Response.ContentLength = broken.Length;
                if (string.IsNullOrEmpty(context.Response.ContentType))
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
                }

                await context.Response.Body.WriteAsync(broken, context.RequestAborted).ConfigureAwait(false);
                return true;
            }

            default:
            {
                // Commit-then-timeout: the handler runs to completion (its write is committed) into a buffer the client
                // never sees; then the connection is aborted or held until the client gives up.
                byte[] produced = await RunBufferedAsync(context).ConfigureAwait(false);
                entry.WithheldResponse = Snapshot(context.Response, produced, truncated: false);
                simulator.Faults.Applied.Add(applied);
                if (fault.Hang)
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, simulator.StoppingToken);
                    try
                    {
                        await Task.Delay(Timeout.InfiniteTimeSpan, simulator.TimeProvider, linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client timed out (or the simulator stopped): exactly what this fault is for.
                    }
                }

                context.Abort();
                return false;
            }
        }
    }

    /// <summary>Runs the vendor handler with its response body kept in memory, and returns that body.</summary>
    private async Task<byte[]> RunBufferedAsync(HttpContext context)
    {
        Stream outer = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
            await FlushAsync(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = outer;
        }

        return buffer.ToArray();
    }

    /// <summary>Cuts a body so that it cannot parse as JSON (a prefix of a JSON object or array never does).</summary>
    private static byte[] Malform(byte[] body)
    {
        byte[] candidate = body.Length > 1 ? body[..(body.Length / 2)] : [];
        if (candidate.Length > 0 && !Parses(candidate))
        {
            return candidate;
        }

        // Empty or scalar bodies: send something unmistakably cut off instead.
        return "{\"truncated\":"u8.ToArray();

        static bool Parses(byte[] bytes)
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }

    private static async Task FlushAsync(HttpContext context)
    {
        // Writers that went through BodyWriter may still hold bytes in the pipe; push them into the stream we watch.
        if (!context.RequestAborted.IsCancellationRequested)
        {
            try
            {
                await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client is gone; what was captured is all there is.
            }
        }
    }

    private static RecordedResponse Snapshot(HttpResponse response, byte[] body, bool truncated)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in response.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        return new RecordedResponse(response.StatusCode, headers, Encoding.UTF8.GetString(body), truncated);
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        SimulatorOptions options = simulator.Options;

        // Buffer the body so the journal, the idempotency fingerprint and the vendor handler can each read it.
        request.EnableBuffering();
        byte[] body = await StrictRequestValidator.ReadBodyAsync(request).ConfigureAwait(false);
        bool truncated = body.Length > options.MaxCapturedBodyBytes;
        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, options.MaxCapturedBodyBytes));
        if (request.HasFormContentType)
        {
            text = Redaction.MaskFormFields(text, options.RedactedFormFields);
        }
        else if (!truncated && StrictRequestValidator.IsJson(request.ContentType))
        {
            text = Redaction.MaskJsonProperties(text, options.RedactedJsonProperties);
        }
        else if (request.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true)
        {
            text = Redaction.MaskXmlElements(text, options.RedactedXmlElements);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in request.Headers)
        {
            string value = header.Value.ToString();
            headers[header.Key] = options.RedactedHeaders.Contains(header.Key) ? Redaction.MaskHeaderValue(value) : value;
        }

        // Parsed from the raw string rather than Request.Query, which groups repeated keys and loses the order sent.
        var query = new List<KeyValuePair<string, string>>();
        string raw = request.QueryString.Value ?? string.Empty;
        foreach (string pair in raw.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? pair : pair[..equals];
            string value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            query.Add(new(Unescape(name), Unescape(value)));
        }

        var entry = new RecordedRequest(
            simulator.NextSequence(),
            simulator.TimeProvider.GetUtcNow(),
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            query,
            headers,
            request.ContentType,
            text,
            truncated);
        simulator.Requests.Add(entry);
        return entry;

        static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
