using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using HotelPlatform.Connectors.Simulators;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace HotelPlatform.Connectors.VendorConformance;

/// <summary>How strictly <see cref="OpenApiSpec"/> reads the vendor's documents.</summary>
public sealed class OpenApiValidationOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether JSON members the schema does not declare are accepted. Off by default:
    /// every object schema without an explicit <c>additionalProperties</c> is treated as closed (NJsonSchema already reads
    /// Swagger 2.0 that way; OpenAPI 3 would allow anything), because a connector must never invent a field. Schemas taking
    /// part in <c>allOf</c> stay as published, since closing one part would refuse the members of the others.
    /// </summary>
    public bool AllowUndeclaredProperties { get; set; }

    /// <summary>Gets or sets a value indicating whether query parameters the operation does not declare are accepted. Off by default.</summary>
    public bool AllowUndeclaredQueryParameters { get; set; }
}

/// <summary>The operation a request was matched to.</summary>
/// <param name="Document">The document that declares it.</param>
/// <param name="PathTemplate">The documented path (<c>/booking/v1/bookings/{id}</c>).</param>
/// <param name="Method">The method, upper case.</param>
/// <param name="Operation">The operation.</param>
/// <param name="PathValues">The values of the path parameters in the request.</param>
public sealed record OperationMatch(OpenApiDocument Document, string PathTemplate, string Method, OpenApiOperation Operation, IReadOnlyDictionary<string, string> PathValues);

/// <summary>
/// Validates requests and payloads against a vendor's own OpenAPI 3 or Swagger 2.0 documents (JSON or YAML), with NSwag
/// reading the documents and NJsonSchema validating bodies. Reports every violation with where it is.
/// </summary>
/// <remarks>
/// A request is matched to an operation by method and path template (a documented base path, Swagger <c>basePath</c> or
/// the path of an OpenAPI <c>servers</c> URL, may prefix the request path). Then: required path, query and header
/// parameters are present; every parameter value has the documented type, format and enum; undeclared query parameters
/// are refused; a JSON or form-encoded body is validated against the operation's body schema (bracketed form keys such
/// as <c>rooms[0][roomTypeID]</c> are read as nested objects and arrays).
/// </remarks>
public sealed partial class OpenApiSpec
{
    private static readonly JsonSchemaValidatorSettings ValidatorSettings = StrictFormatValidators.CreateSettings();

    private readonly List<(OpenApiDocument Document, string Source)> _documents;

    private OpenApiSpec(List<(OpenApiDocument Document, string Source)> documents, OpenApiValidationOptions options)
    {
        _documents = documents;
        Options = options;
    }

    /// <summary>Gets the loaded documents.</summary>
    public IReadOnlyList<OpenApiDocument> Documents => [.. _documents.Select(d => d.Document)];

    /// <summary>Gets the validation settings.</summary>
    public OpenApiValidationOptions Options { get; }

    /// <summary>Loads one or more documents (<c>.json</c>, <c>.yaml</c> or <c>.yml</c>) as one spec, such as Apaleo's booking, inventory and finance APIs.</summary>
    /// <param name="paths">The document files.</param>
    /// <param name="options">The validation settings; strict when omitted.</param>
    /// <param name="cancellationToken">A token that cancels loading.</param>
    /// <returns>The spec.</returns>
    public static async Task<OpenApiSpec> LoadAsync(IEnumerable<string> paths, OpenApiValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new OpenApiValidationOptions();
        var documents = new List<(OpenApiDocument, string)>();
        foreach (string path in paths)
        {
            string extension = Path.GetExtension(path).ToUpperInvariant();
            OpenApiDocument document = extension is ".YAML" or ".YML"
                ? await OpenApiYamlDocument.FromFileAsync(path, cancellationToken).ConfigureAwait(false)
                : await OpenApiDocument.FromFileAsync(path, cancellationToken).ConfigureAwait(false);
            if (!options.AllowUndeclaredProperties)
            {
                CloseObjectSchemas(document);
            }

            documents.Add((document, Path.GetFileName(path)));
        }

        return documents.Count > 0 ? new OpenApiSpec(documents, options) : throw new ArgumentException("At least one document is needed.", nameof(paths));
    }

    /// <summary>Loads one document.</summary>
    /// <param name="path">The document file.</param>
    /// <param name="options">The validation settings; strict when omitted.</param>
    /// <param name="cancellationToken">A token that cancels loading.</param>
    /// <returns>The spec.</returns>
    public static Task<OpenApiSpec> LoadAsync(string path, OpenApiValidationOptions? options = null, CancellationToken cancellationToken = default) =>
        LoadAsync([path], options, cancellationToken);

    /// <summary>Finds the documented operation for a method and request path.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The request path.</param>
    /// <returns>The operation, or <see langword="null"/> when no document declares it.</returns>
    public OperationMatch? FindOperation(string method, string path) => Match(method, path).Match;

    /// <summary>Validates a request a connector sent.</summary>
    /// <param name="request">The request.</param>
    /// <returns>Every violation found.</returns>
    public SpecValidationResult ValidateRequest(SpecRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (match, problem) = Match(request.Method, request.Path);
        if (match is null)
        {
            return new SpecValidationResult(request.ToString(), SourceList(), [new SpecViolation("operation", request.Path, problem!)]);
        }

        var violations = new List<SpecViolation>();
        SchemaType schemaType = match.Document.SchemaType;
        IReadOnlyList<OpenApiParameter> parameters = match.Operation.ActualParameters;

        foreach (OpenApiParameter parameter in parameters.Where(p => p.Kind == OpenApiParameterKind.Path))
        {
            if (match.PathValues.TryGetValue(parameter.Name, out string? value))
            {
                violations.AddRange(ValidateValues("path", parameter, [value], schemaType));
            }
        }

        ValidateQuery(request, parameters, schemaType, violations);
        ValidateHeaders(request, parameters, schemaType, violations);
        ValidateBody(request, match, violations);
        return new SpecValidationResult($"{match.Method} {match.PathTemplate}", Source(match.Document), violations);
    }

    /// <summary>Validates a request a simulator journaled.</summary>
    /// <param name="recorded">The journal entry.</param>
    /// <returns>Every violation found.</returns>
    public SpecValidationResult ValidateRequest(RecordedRequest recorded) => ValidateRequest(SpecRequest.From(recorded));

    /// <summary>Validates a JSON payload (a vendor example, a simulator response) against a named schema (<c>definitions</c> or <c>components/schemas</c>).</summary>
    /// <param name="definitionName">The schema name, such as <c>CreateBookingModel</c>.</param>
    /// <param name="json">The payload.</param>
    /// <returns>Every violation found.</returns>
    /// <exception cref="KeyNotFoundException">No loaded document declares the schema.</exception>
    public SpecValidationResult ValidateDefinition(string definitionName, string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(definitionName);
        ArgumentNullException.ThrowIfNull(json);
        var owners = _documents.Where(d => d.Document.Definitions.ContainsKey(definitionName)).ToList();
        if (owners.Count == 0)
        {
            throw new KeyNotFoundException($"No loaded document ({SourceList()}) declares the schema '{definitionName}'.");
        }

        var (document, source) = owners[0];
        return new SpecValidationResult($"'{definitionName}' payload", source, ValidateJson(json, document.Definitions[definitionName], document.SchemaType));
    }

    /// <summary>Validates a response body against the schema the operation documents for a status code.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="statusCode">The status code (a documented code, else <c>default</c>).</param>
    /// <param name="json">The response body.</param>
    /// <returns>Every violation found.</returns>
    public SpecValidationResult ValidateResponse(string method, string path, int statusCode, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (match, problem) = Match(method, path);
        if (match is null)
        {
            return new SpecValidationResult($"{method} {path}", SourceList(), [new SpecViolation("operation", path, problem!)]);
        }

        string code = statusCode.ToString(CultureInfo.InvariantCulture);
        string subject = $"{match.Method} {match.PathTemplate} {code} response";
        OpenApiResponse? response = match.Operation.ActualResponses.TryGetValue(code, out var r) ? r
            : match.Operation.ActualResponses.TryGetValue("default", out var d) ? d : null;
        if (response is null)
        {
            return new SpecValidationResult(subject, Source(match.Document), [new SpecViolation("operation", code, $"The operation documents no {code} response (documented: {string.Join(", ", match.Operation.ActualResponses.Keys)}).")]);
        }

        JsonSchema? schema = ResponseSchema(response.ActualResponse);
        return schema is null
            ? new SpecValidationResult(subject, Source(match.Document), [new SpecViolation("body", "$", $"The {code} response documents no JSON body.")])
            : new SpecValidationResult(subject, Source(match.Document), ValidateJson(json, schema, match.Document.SchemaType));
    }

    private static JsonSchema? ResponseSchema(OpenApiResponse response) =>
        response.Content.FirstOrDefault(c => IsJsonMediaType(c.Key)).Value?.Schema ?? response.Schema;

    private static bool IsJsonMediaType(string? mediaType) =>
        mediaType is not null && (mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsFormMediaType(string? mediaType) =>
        mediaType is not null && mediaType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed) ? parsed.MediaType : contentType;

    private void ValidateQuery(SpecRequest request, IReadOnlyList<OpenApiParameter> parameters, SchemaType schemaType, List<SpecViolation> violations)
    {
        var declared = parameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (OpenApiParameter parameter in declared.Values)
        {
            var values = request.Query.Where(q => q.Key == parameter.Name).Select(q => q.Value).ToList();
            if (values.Count == 0)
            {
                if (parameter.IsRequired)
                {
                    violations.Add(new("query", parameter.Name, $"The required query parameter '{parameter.Name}' is missing."));
                }

                continue;
            }

            violations.AddRange(ValidateValues("query", parameter, values, schemaType));
        }

        if (!Options.AllowUndeclaredQueryParameters)
        {
            foreach (string name in request.Query.Select(q => q.Key).Distinct(StringComparer.Ordinal).Where(n => !declared.ContainsKey(n)))
            {
                violations.Add(new("query", name, $"'{name}' is not a documented query parameter of this operation."));
            }
        }
    }

    private static void ValidateHeaders(SpecRequest request, IReadOnlyList<OpenApiParameter> parameters, SchemaType schemaType, List<SpecViolation> violations)
    {
        foreach (OpenApiParameter parameter in parameters.Where(p => p.Kind == OpenApiParameterKind.Header))
        {
            if (request.Headers.FirstOrDefault(h => string.Equals(h.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } header)
            {
                violations.AddRange(ValidateValues("header", parameter, [header.Value], schemaType));
            }
            else if (parameter.IsRequired)
            {
                violations.Add(new("header", parameter.Name, $"The required header '{parameter.Name}' is missing."));
            }
        }
    }

    private static void ValidateBody(SpecRequest request, OperationMatch match, List<SpecViolation> violations)
    {
        SchemaType schemaType = match.Document.SchemaType;
        IReadOnlyList<OpenApiParameter> parameters = match.Operation.ActualParameters;
        OpenApiParameter? bodyParameter = parameters.FirstOrDefault(p => p.Kind == OpenApiParameterKind.Body);
        var formParameters = parameters.Where(p => p.Kind == OpenApiParameterKind.FormData).ToList();
        OpenApiRequestBody? requestBody = schemaType == SchemaType.OpenApi3 ? match.Operation.ActualRequestBody : null;
        bool hasBody = !string.IsNullOrEmpty(request.Body);
        string? mediaType = MediaType(request.ContentType);

        if (formParameters.Count > 0)
        {
            ValidateSwaggerForm(request, formParameters, schemaType, violations);
            return;
        }

        // OpenAPI 3 first: NSwag also exposes its requestBody as a synthetic body parameter, which knows no media types.
        JsonSchema? schema;
        bool required;
        if (requestBody is not null && requestBody.Content.Count > 0)
        {
            required = requestBody.IsRequired;
            if (hasBody && !requestBody.Content.Keys.Any(k => string.Equals(MediaType(k), mediaType, StringComparison.OrdinalIgnoreCase)))
            {
                violations.Add(new("header", "Content-Type", $"'{request.ContentType}' is not a documented request media type ({string.Join(", ", requestBody.Content.Keys)})."));
                return;
            }

            schema = requestBody.Content.FirstOrDefault(c => string.Equals(MediaType(c.Key), mediaType, StringComparison.OrdinalIgnoreCase)).Value?.Schema
                ?? requestBody.Content.First().Value.Schema;
        }
        else if (bodyParameter is not null)
        {
            schema = bodyParameter.Schema ?? bodyParameter.ActualSchema;
            required = bodyParameter.IsRequired;
        }
        else
        {
            if (hasBody)
            {
                violations.Add(new("body", "$", "The operation documents no request body, but one was sent."));
            }

            return;
        }

        if (!hasBody)
        {
            if (required)
            {
                violations.Add(new("body", "$", "The operation requires a request body."));
            }

            return;
        }

        if (schema is null)
        {
            return;
        }

        if (IsFormMediaType(mediaType))
        {
            JObject form = FormToJson(request.Body!, schema, violations);
            violations.AddRange(Validate(form, schema, schemaType));
        }
        else if (IsJsonMediaType(mediaType) || mediaType is null)
        {
            violations.AddRange(ValidateJson(request.Body!, schema, schemaType));
        }
        else
        {
            violations.Add(new("header", "Content-Type", $"'{request.ContentType}' is neither JSON nor form-encoded."));
        }
    }

    private static void ValidateSwaggerForm(SpecRequest request, List<OpenApiParameter> formParameters, SchemaType schemaType, List<SpecViolation> violations)
    {
        if (!IsFormMediaType(MediaType(request.ContentType)))
        {
            violations.Add(new("header", "Content-Type", $"The operation takes form fields, but the body is '{request.ContentType}'."));
            return;
        }

        List<KeyValuePair<string, string>> fields = SpecRequest.ParseQuery(request.Body ?? string.Empty);
        foreach (OpenApiParameter parameter in formParameters)
        {
            var values = fields.Where(f => f.Key == parameter.Name).Select(f => f.Value).ToList();
            if (values.Count == 0)
            {
                if (parameter.IsRequired)
                {
                    violations.Add(new("body", parameter.Name, $"The required form field '{parameter.Name}' is missing."));
                }

                continue;
            }

            violations.AddRange(ValidateValues("body", parameter, values, schemaType));
        }

        foreach (string name in fields.Select(f => f.Key).Distinct(StringComparer.Ordinal).Where(n => formParameters.All(p => p.Name != n)))
        {
            violations.Add(new("body", name, $"'{name}' is not a documented form field of this operation."));
        }
    }

    /// <summary>Checks one parameter's values: count, and each value's type, format and enum.</summary>
    private static IEnumerable<SpecViolation> ValidateValues(string location, OpenApiParameter parameter, IReadOnlyList<string> values, SchemaType schemaType)
    {
        JsonSchema schema = parameter.ActualSchema;
        JToken token;
        if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            JsonSchema itemSchema = schema.Item?.ActualSchema ?? new JsonSchema();
            IEnumerable<string> items = values.Count > 1 || IsExploded(parameter, schemaType)
                ? values
                : values[0].Split(Separator(parameter));
            token = new JArray(items.Select(i => Coerce(i, itemSchema)));
        }
        else
        {
            if (values.Count > 1)
            {
                return [new SpecViolation(location, parameter.Name, $"'{parameter.Name}' takes one value but was sent {values.Count} times.")];
            }

            token = Coerce(values[0], schema);
        }

        return Validate(token, schema, schemaType).Select(v => v with
        {
            Location = location,
            Path = parameter.Name + (v.Path.Length > 1 ? v.Path[1..] : string.Empty),
        });
    }

    private static bool IsExploded(OpenApiParameter parameter, SchemaType schemaType) =>
        schemaType == SchemaType.OpenApi3
            ? parameter.Explode ?? parameter.Style is OpenApiParameterStyle.Form or OpenApiParameterStyle.Undefined
            : parameter.CollectionFormat == OpenApiParameterCollectionFormat.Multi;

    private static char Separator(OpenApiParameter parameter) => parameter.Style switch
    {
        OpenApiParameterStyle.SpaceDelimeted => ' ',
        OpenApiParameterStyle.PipeDelimited => '|',
        _ => parameter.CollectionFormat switch
        {
            OpenApiParameterCollectionFormat.Ssv => ' ',
            OpenApiParameterCollectionFormat.Tsv => '\t',
            OpenApiParameterCollectionFormat.Pipes => '|',
            _ => ',',
        },
    };

    /// <summary>Turns a text value into the JSON token its schema expects, leaving it a string when it does not parse (so validation reports it).</summary>
    private static JToken Coerce(string text, JsonSchema schema)
    {
        JsonObjectType type = schema.ActualSchema.Type;
        if (type.HasFlag(JsonObjectType.Integer) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return new JValue(integer);
        }

        if (type.HasFlag(JsonObjectType.Number) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number))
        {
            return new JValue(number);
        }

        if (type.HasFlag(JsonObjectType.Boolean) && text is "true" or "false")
        {
            return new JValue(text == "true");
        }

        return new JValue(text);
    }

    /// <summary>
    /// Reads a form-encoded body into JSON shaped by the schema: <c>a=1</c>, <c>a[]=1</c>, <c>a[0][b]=1</c> and <c>a[b]=1</c>
    /// become members, array items and nested objects; leaf values take the type their schema declares.
    /// </summary>
    private static JObject FormToJson(string body, JsonSchema schema, List<SpecViolation> violations)
    {
        var root = new JObject();
        foreach (var (key, value) in SpecRequest.ParseQuery(body))
        {
            List<string>? segments = ParseFormKey(key);
            if (segments is null)
            {
                violations.Add(new("body", key, $"'{key}' is not a well-formed form key."));
                continue;
            }

            JToken container = root;
            JsonSchema? current = schema.ActualSchema;
            for (int i = 0; i < segments.Count; i++)
            {
                string segment = segments[i];
                bool last = i == segments.Count - 1;
                JsonSchema? child = current is null ? null
                    : current.Type.HasFlag(JsonObjectType.Array) ? current.Item?.ActualSchema
                    : current.ActualProperties.TryGetValue(segment, out JsonSchemaProperty? property) ? property.ActualSchema : null;
                JToken leaf = Coerce(value, child ?? new JsonSchema());

                if (container is JObject obj)
                {
                    if (last)
                    {
                        // A repeated key of an array-typed member ("ids=a&ids=b") collects its values.
                        if (child?.Type.HasFlag(JsonObjectType.Array) == true)
                        {
                            (obj[segment] as JArray ?? (JArray)(obj[segment] = new JArray())).Add(Coerce(value, child.Item?.ActualSchema ?? new JsonSchema()));
                        }
                        else
                        {
                            obj[segment] = leaf;
                        }

                        break;
                    }

                    container = obj[segment] ??= NewContainer(segments[i + 1]);
                }
                else if (container is JArray array)
                {
                    int index = segment.Length == 0 ? array.Count : int.Parse(segment, CultureInfo.InvariantCulture);
                    while (array.Count <= index)
                    {
                        array.Add(JValue.CreateNull());
                    }

                    if (last)
                    {
                        array[index] = leaf;
                        break;
                    }

                    if (array[index].Type == JTokenType.Null)
                    {
                        array[index] = NewContainer(segments[i + 1]);
                    }

                    container = array[index];
                }

                current = child;
            }
        }

        // Holes left by sparse indexes would read as nulls the connector never sent.
        foreach (JArray array in root.DescendantsAndSelf().OfType<JArray>().ToList())
        {
            foreach (JToken hole in array.Where(t => t.Type == JTokenType.Null).ToList())
            {
                hole.Remove();
            }
        }

        return root;

        static JToken NewContainer(string nextSegment) =>
            nextSegment.Length == 0 || nextSegment.All(char.IsAsciiDigit) ? new JArray() : new JObject();
    }

    private static List<string>? ParseFormKey(string key)
    {
        Match match = FormKey().Match(key);
        if (!match.Success)
        {
            return null;
        }

        return [match.Groups["name"].Value, .. match.Groups["index"].Captures.Select(c => c.Value)];
    }

    private static List<SpecViolation> ValidateJson(string json, JsonSchema schema, SchemaType schemaType)
    {
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return [new SpecViolation("body", "$", "The body has content after its JSON value.")];
            }
        }
        catch (JsonReaderException ex)
        {
            return [new SpecViolation("body", "$", $"The body is not JSON: {ex.Message}")];
        }

        return Validate(token, schema, schemaType);
    }

    private static List<SpecViolation> Validate(JToken token, JsonSchema schema, SchemaType schemaType)
    {
        ICollection<ValidationError> errors = new JsonSchemaValidator(ValidatorSettings).Validate(token, schema.ActualSchema, schemaType);
        var violations = new List<SpecViolation>();
        Flatten(errors, violations);
        return [.. violations.Distinct()];
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<SpecViolation> violations)
    {
        foreach (ValidationError error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // Alternatives (anyOf/oneOf) are reported as such, with each alternative's reasons below them.
                if (error.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAllOf)
                {
                    violations.Add(new("body", ToJsonPath(error.Path), Describe(error)));
                }

                Flatten(child.Errors.SelectMany(e => e.Value), violations);
            }
            else
            {
                violations.Add(new("body", ToJsonPath(error.Path), Describe(error)));
            }
        }
    }

    /// <summary>NJsonSchema's <c>#/reservations[0].arrival</c> as <c>$.reservations[0].arrival</c>.</summary>
    private static string ToJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return "$";
        }

        string rest = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        return rest.Length == 0 ? "$" : rest.StartsWith('[') ? "$" + rest : "$." + rest;
    }

    private static string Describe(ValidationError error)
    {
        string value = error.Token is null ? string.Empty : error.Token.ToString(Formatting.None);
        if (value.Length > 80)
        {
            value = value[..77] + "...";
        }

        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"The required member '{error.Property}' is missing.",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{error.Property}' is not declared by the schema.",
            ValidationErrorKind.NotInEnumeration => $"{value} is not one of {string.Join(", ", error.Schema?.Enumeration.Select(e => $"'{e}'") ?? [])}.",
            ValidationErrorKind.StringExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected
                or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
                or ValidationErrorKind.NullExpected => $"{Words(error.Kind)}, got {value}.",
            ValidationErrorKind.DateTimeExpected or ValidationErrorKind.DateExpected or ValidationErrorKind.TimeExpected
                or ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected or ValidationErrorKind.EmailExpected
                or ValidationErrorKind.UriExpected or ValidationErrorKind.HostnameExpected or ValidationErrorKind.IpV4Expected
                or ValidationErrorKind.IpV6Expected or ValidationErrorKind.Base64Expected or ValidationErrorKind.TimeSpanExpected
                => $"{Words(error.Kind)} (format '{error.Schema?.Format}'), got {value}.",
            _ => $"{Words(error.Kind)}: {value}".TrimEnd(' ', ':'),
        };

        static string Words(ValidationErrorKind kind) => SplitWords().Replace(kind.ToString(), " $1").Trim();
    }

    private static void CloseObjectSchemas(OpenApiDocument document)
    {
        var visited = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var composed = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var all = new List<JsonSchema>();

        void Visit(JsonSchema? schema)
        {
            if (schema is null || !visited.Add(schema))
            {
                return;
            }

            all.Add(schema);
            Visit(schema.Reference);
            foreach (JsonSchemaProperty property in schema.Properties.Values)
            {
                Visit(property);
            }

            Visit(schema.Item);
            foreach (JsonSchema item in schema.Items)
            {
                Visit(item);
            }

            Visit(schema.AdditionalPropertiesSchema);
            Visit(schema.Not);
            foreach (JsonSchema part in schema.AllOf)
            {
                composed.Add(part.ActualSchema);
                composed.Add(part);
                Visit(part);
            }

            foreach (JsonSchema part in schema.AnyOf.Concat(schema.OneOf))
            {
                Visit(part);
            }
        }

        foreach (JsonSchema definition in document.Definitions.Values)
        {
            Visit(definition);
        }

        foreach (OpenApiOperation operation in document.Operations.Select(o => o.Operation))
        {
            foreach (OpenApiParameter parameter in operation.ActualParameters)
            {
                Visit(parameter.Schema);
            }

            foreach (OpenApiMediaType media in operation.ActualRequestBody?.Content.Values ?? Enumerable.Empty<OpenApiMediaType>())
            {
                Visit(media.Schema);
            }

            foreach (OpenApiResponse response in operation.ActualResponses.Values)
            {
                Visit(response.ActualResponse.Schema);
                foreach (OpenApiMediaType media in response.ActualResponse.Content.Values)
                {
                    Visit(media.Schema);
                }
            }
        }

        foreach (JsonSchema schema in all)
        {
            if (schema.Properties.Count > 0 && schema.AllOf.Count == 0 && schema.AdditionalPropertiesSchema is null && !composed.Contains(schema))
            {
                schema.AllowAdditionalProperties = false;
            }
        }
    }

    private (OperationMatch? Match, string? Problem) Match(string method, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string verb = method.ToLowerInvariant();
        (OperationMatch Match, int Score)? best = null;
        var otherMethods = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var (document, _) in _documents)
        {
            foreach (string candidate in CandidatePaths(document, path))
            {
                foreach (var (template, item) in document.Paths)
                {
                    if (MatchTemplate(template, candidate) is not { } values)
                    {
                        continue;
                    }

                    if (!item.TryGetValue(verb, out OpenApiOperation? operation))
                    {
                        otherMethods.UnionWith(item.Keys.Select(k => k.ToUpperInvariant()));
                        continue;
                    }

                    int score = template.Split('/').Count(s => !s.Contains('{', StringComparison.Ordinal));
                    if (best is null || score > best.Value.Score)
                    {
                        best = (new OperationMatch(document, template, method.ToUpperInvariant(), operation, values), score);
                    }
                }
            }
        }

        if (best is { } found)
        {
            return (found.Match, null);
        }

        return (null, otherMethods.Count > 0
            ? $"{method.ToUpperInvariant()} {path} is not documented; the path takes {string.Join(", ", otherMethods)}."
            : $"No loaded document ({SourceList()}) documents a path matching {path}.");
    }

    private static IEnumerable<string> CandidatePaths(OpenApiDocument document, string path)
    {
        yield return path;
        var bases = new List<string?> { document.BasePath };
        bases.AddRange(document.Servers.Select(s => Uri.TryCreate(s.Url, UriKind.Absolute, out Uri? uri) ? uri.AbsolutePath : s.Url));
        foreach (string basePath in bases.Where(b => !string.IsNullOrEmpty(b)).Select(b => b!.TrimEnd('/')).Where(b => b.Length > 0).Distinct())
        {
            if (path.StartsWith(basePath + "/", StringComparison.Ordinal))
            {
                yield return path[basePath.Length..];
            }
        }
    }

    private static Dictionary<string, string>? MatchTemplate(string template, string path)
    {
        string[] templateSegments = template.TrimEnd('/').Split('/');
        string[] pathSegments = path.TrimEnd('/').Split('/');
        if (templateSegments.Length != pathSegments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < templateSegments.Length; i++)
        {
            string segment = templateSegments[i];
            if (!segment.Contains('{', StringComparison.Ordinal))
            {
                if (!string.Equals(segment, pathSegments[i], StringComparison.Ordinal))
                {
                    return null;
                }

                continue;
            }

            // A segment may mix literals and parameters ("{id}.json"): match it as a pattern.
            var names = new List<string>();
            string pattern = "^" + TemplateParameter().Replace(Regex.Escape(segment).Replace("\\{", "{", StringComparison.Ordinal), m =>
            {
                names.Add(m.Groups[1].Value);
                return "([^/]+)";
            }) + "$";
            Match match = Regex.Match(pathSegments[i], pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!match.Success)
            {
                return null;
            }

            for (int n = 0; n < names.Count; n++)
            {
                values[names[n]] = match.Groups[n + 1].Value;
            }
        }

        return values;
    }

    private string Source(OpenApiDocument document) => _documents.First(d => ReferenceEquals(d.Document, document)).Source;

    private string SourceList() => string.Join(", ", _documents.Select(d => d.Source));

    [GeneratedRegex(@"\{([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateParameter();

    [GeneratedRegex(@"^(?<name>[^\[\]]+)(\[(?<index>[^\[\]]*)\])*$", RegexOptions.CultureInvariant)]
    private static partial Regex FormKey();

    [GeneratedRegex("(?<!^)([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex SplitWords();
}
