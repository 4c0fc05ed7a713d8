using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators.Apaleo;

/// <summary>What the Apaleo handlers share: paging, list parameters with documented values, body-less operations.</summary>
public sealed partial class ApaleoSimulator
{
    /// <summary>The default page size of the 2026 inventory, rate plan and availability specs ("Default: 500").</summary>
    private const int SpecDefaultPageSize = 500;

    private static readonly QueryValueParser<int> Int32Parser = (string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static readonly QueryValueParser<ApaleoDateValue> DateValueParser = ApaleoDateValue.TryParse;

    /// <summary>Reads <c>pageNumber</c> (from 1) and <c>pageSize</c> (1 to <see cref="ApaleoSimulatorOptions.MaxPageSize"/>).</summary>
    private Paging ReadPaging(QueryReader query, int? defaultPageSize) =>
        new(query.OptionalInt32("pageNumber", minimum: 1) ?? 1, query.OptionalInt32("pageSize", minimum: 1, maximum: ApaleoOptions.MaxPageSize) ?? defaultPageSize);

    /// <summary>Reads a list parameter whose items the spec enumerates in lower camel case (<c>expand</c>, <c>sort</c>).</summary>
    private static IReadOnlyList<string> ReadChoices(QueryReader query, string name, params string[] allowed) =>
        query.OptionalList(
            name,
            (string text, [MaybeNullWhen(false)] out string value) =>
            {
                value = text;
                return allowed.Contains(text, StringComparer.Ordinal);
            },
            "one of " + string.Join(", ", allowed.Select(a => $"'{a}'")));

    /// <summary>Reads a required "pure date or date-time" parameter (offers, service offers).</summary>
    private static ApaleoDateValue RequiredDateValue(QueryReader query, string name) =>
        query.Required(name, DateValueParser, ApaleoDateValue.Expected);

    /// <summary>Refuses a body sent to an operation that documents none.</summary>
    private IResult? RefuseBody(HttpContext context) =>
        context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? Validation.Reject(context, "$", "This operation takes no request body; the Swagger document declares none.")
            : null;

    /// <summary>Answers one page of a list: 204 when the page has no items ("If the page has no items, the API returns 204 No Content").</summary>
    private static IResult Page<TItem, TList>(IReadOnlyList<TItem> all, Paging paging, Func<IReadOnlyList<TItem>, long, TList> toList)
    {
        IReadOnlyList<TItem> page = paging.Size is { } size
            ? ((long)(paging.Number - 1) * size >= all.Count ? [] : [.. all.Skip((paging.Number - 1) * size).Take(size)])
            : all;
        return page.Count == 0 ? Results.NoContent() : Json(toList(page, all.Count));
    }

    /// <summary>A page request; without a size every item is returned and the number is ignored (booking-v1's rule).</summary>
    private readonly record struct Paging(int Number, int? Size);
}
