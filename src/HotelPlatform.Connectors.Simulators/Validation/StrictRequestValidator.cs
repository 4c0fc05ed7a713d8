using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// The strict request validation of a simulator (<see cref="VendorSimulator.Validation"/>): reads bodies into the
/// vendor's strict wire models and queries through a <see cref="QueryReader"/>, and refuses loudly what does not match:
/// HTTP 400 with a body naming each offending member, recorded in <see cref="VendorSimulator.ValidationFailures"/>.
/// </summary>
/// <remarks>
/// A refusal here means whatever sent the request spoke a dialect the vendor does not document; it is deliberately not
/// dressed up as the vendor's own validation error (a vendor's 422 or 400), so a test cannot mistake it for a business
/// rule. Tests assert <c>Assert.Empty(simulator.ValidationFailures)</c>.
/// </remarks>
public sealed class StrictRequestValidator
{
    /// <summary>The response header set on every strict-validation refusal, so a client-side log shows it at a glance.</summary>
    public const string RefusalHeader = "X-Simulator-Validation";

    /// <summary>The member a wrong <c>Content-Type</c> is reported on; such a refusal is answered by <see cref="VendorSimulator.AnswerUnsupportedMediaType"/>.</summary>
    public const string ContentTypeMember = "header:Content-Type";

    /// <summary>The largest body a JSON read accepts, and the most the journal buffers.</summary>
    internal const int DefaultMaxBodyBytes = 16 * 1024 * 1024;

    private const int MaxBodyBytes = DefaultMaxBodyBytes;

    private readonly VendorSimulator _simulator;

    internal StrictRequestValidator(VendorSimulator simulator)
    {
        _simulator = simulator;
    }

    /// <summary>Reads the JSON body into a strict wire model.</summary>
    /// <typeparam name="T">The wire model.</typeparam>
    /// <param name="context">The request.</param>
    /// <param name="options">Options from <see cref="StrictJson.CreateOptions"/> (or equally strict ones).</param>
    /// <returns>The model, or the rejection to return.</returns>
    public Task<BodyReadResult<T>> ReadJsonAsync<T>(HttpContext context, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return ReadJsonAsync(context, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    /// <summary>Reads the JSON body into a strict wire model using source-generated metadata.</summary>
    /// <typeparam name="T">The wire model.</typeparam>
    /// <param name="context">The request.</param>
    /// <param name="typeInfo">The metadata, from a context whose options are as strict as <see cref="StrictJson.CreateOptions"/>.</param>
    /// <returns>The model, or the rejection to return.</returns>
    public Task<BodyReadResult<T>> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo) =>
        ReadBodyAsync(context, new JsonBodyReader<T>(typeInfo));

    /// <summary>Reads a PHP-style form body (<c>rooms[0][roomTypeID]=DBL</c>) into its nested structure.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The structure (see <see cref="FormBodyReader"/>), or the rejection to return.</returns>
    public Task<BodyReadResult<JsonObject>> ReadFormAsync(HttpContext context) => ReadBodyAsync(context, FormBodyReader.Default);

    /// <summary>Reads a PHP-style form body into a strict wire model.</summary>
    /// <typeparam name="T">The wire model.</typeparam>
    /// <param name="context">The request.</param>
    /// <param name="typeInfo">The metadata, from options made by <see cref="StrictJson.CreateFormOptions"/>.</param>
    /// <returns>The model, or the rejection to return.</returns>
    public Task<BodyReadResult<T>> ReadFormAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo) =>
        ReadBodyAsync(context, new FormBodyReader<T>(typeInfo));

    /// <summary>Reads a SOAP 1.1 request safely (no DTD, no external entities, a size cap).</summary>
    /// <param name="context">The request.</param>
    /// <returns>The envelope's body element and header, or the rejection to return.</returns>
    public Task<BodyReadResult<SoapEnvelope>> ReadSoapAsync(HttpContext context) => ReadBodyAsync(context, SoapBodyReader.Default);

    /// <summary>
    /// Reads the body with a reader: its header checks first (a wrong content type is answered by
    /// <see cref="VendorSimulator.AnswerUnsupportedMediaType"/>, by default as any other refusal), then its size cap, then the
    /// reader itself. Every refusal is recorded in <see cref="VendorSimulator.ValidationFailures"/>.
    /// </summary>
    /// <typeparam name="T">What the body is read into.</typeparam>
    /// <param name="context">The request.</param>
    /// <param name="reader">The reader of the vendor's body format.</param>
    /// <returns>The value, or the rejection to return.</returns>
    public async Task<BodyReadResult<T>> ReadBodyAsync<T>(HttpContext context, IRequestBodyReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);

        // A request without a body and without a content type is checked by the reader itself ("a body is required").
        if (context.Request.ContentLength is > 0 || context.Request.Headers.ContentType.Count > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            List<ValidationViolation> headers = [.. reader.CheckHeaders(context.Request)];
            if (headers.Count > 0)
            {
                if (headers.Any(v => v.Member == ContentTypeMember))
                {
                    Record(context, headers);
                    return new BodyReadResult<T>(_simulator.AnswerUnsupportedMediaTypeInternal(context, headers) ?? new RefusalResult(_simulator.Vendor, context.Request.Method, context.Request.Path.Value ?? "/", headers), headers);
                }

                return new BodyReadResult<T>(Reject(context, headers), headers);
            }
        }

        byte[] body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (body.Length > reader.MaxBodyBytes)
        {
            ValidationViolation tooLarge = new("$", $"The body is {body.Length} bytes; this endpoint reads at most {reader.MaxBodyBytes}.");
            return new BodyReadResult<T>(Reject(context, [tooLarge]), [tooLarge]);
        }

        var violations = new List<ValidationViolation>();
        T? value = reader.Read(body, violations);
        if (violations.Count == 0 && value is null)
        {
            violations.Add(new("$", $"The body could not be read as {typeof(T).Name}."));
        }

        return violations.Count == 0
            ? new BodyReadResult<T>(value!)
            : new BodyReadResult<T>(Reject(context, violations), violations);
    }

    /// <summary>Starts reading the query string strictly.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The reader; call <see cref="QueryReader.Complete"/> after the last parameter.</returns>
    public QueryReader ReadQuery(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new QueryReader(this, context);
    }

    /// <summary>Refuses the request for one reason.</summary>
    /// <param name="context">The request.</param>
    /// <param name="member">The member concerned (see <see cref="ValidationViolation.Member"/>).</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The HTTP 400 answer to return; the failure is recorded.</returns>
    public IResult Reject(HttpContext context, string member, string message) => Reject(context, [new ValidationViolation(member, message)]);

    /// <summary>Refuses the request, recording every violation in <see cref="VendorSimulator.ValidationFailures"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="violations">What is wrong; at least one.</param>
    /// <returns>The HTTP 400 answer to return, whose body lists the violations.</returns>
    public IResult Reject(HttpContext context, IEnumerable<ValidationViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(violations);
        IReadOnlyList<ValidationViolation> list = [.. violations];
        if (list.Count == 0)
        {
            throw new ArgumentException("A rejection needs at least one violation.", nameof(violations));
        }

        Record(context, list);
        return new RefusalResult(_simulator.Vendor, context.Request.Method, context.Request.Path.Value ?? "/", list);
    }

    /// <summary>Records violations without answering (for endpoints whose answer the vendor's protocol dictates, such as OAuth2).</summary>
    internal void Record(HttpContext context, IEnumerable<ValidationViolation> violations)
    {
        long sequence = SimulatorMiddleware.GetRecordedRequest(context)?.Sequence ?? 0;
        DateTimeOffset now = _simulator.TimeProvider.GetUtcNow();
        foreach (ValidationViolation violation in violations)
        {
            _simulator.ValidationFailures.Add(new ValidationFailure(sequence, now, context.Request.Method, context.Request.Path.Value ?? "/", violation.Member, violation.Message));
        }
    }

    internal static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? media)
        && (string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType?.StartsWith("application/", StringComparison.OrdinalIgnoreCase) == true && media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        && (media.CharSet is null || string.Equals(media.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));

    internal static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        // The journal enabled buffering, so the body can be read here and again by whoever comes next.
        request.EnableBuffering();
        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new BadHttpRequestException($"The request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        return buffer.ToArray();
    }

    private sealed class RefusalResult(string vendor, string method, string path, IReadOnlyList<ValidationViolation> violations) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            httpContext.Response.Headers[RefusalHeader] = "failed";
            return httpContext.Response.WriteAsJsonAsync(
                new RefusalBody(
                    "simulator_strict_validation",
                    $"The {vendor} simulator refused {method} {path}: the request does not match the vendor's documented wire format.",
                    [.. violations.Select(v => new RefusalViolation(v.Member, v.Message))]),
                ControlJson.Default.RefusalBody,
                contentType: "application/json",
                cancellationToken: httpContext.RequestAborted);
        }
    }
}

internal sealed record RefusalBody(string Error, string Message, IReadOnlyList<RefusalViolation> Violations);

internal sealed record RefusalViolation(string Member, string Message);
