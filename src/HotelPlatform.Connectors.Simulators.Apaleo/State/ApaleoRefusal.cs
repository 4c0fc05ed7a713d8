using HotelPlatform.Connectors.Simulators.Apaleo.Wire;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>
/// Why Apaleo refuses an operation: the entity in the path does not exist (404, no body: the specs document none), or a
/// business rule failed (422 with <c>{"messages": [...]}</c>, Apaleo's <c>MessageItemCollection</c>).
/// </summary>
internal sealed class ApaleoRefusal
{
    private ApaleoRefusal(int statusCode, IReadOnlyList<string> messages)
    {
        StatusCode = statusCode;
        Messages = messages;
    }

    public int StatusCode { get; }

    public IReadOnlyList<string> Messages { get; }

    public static ApaleoRefusal NotFound() => new(StatusCodes.Status404NotFound, []);

    public static ApaleoRefusal Rule(params IEnumerable<string> messages) => new(StatusCodes.Status422UnprocessableEntity, [.. messages]);

    public IResult ToResult() => StatusCode == StatusCodes.Status404NotFound
        ? Results.NotFound()
        : Results.Json(new MessageItemCollection(Messages), ApaleoJson.Info<MessageItemCollection>(), statusCode: StatusCode);

    public override string ToString() => $"{StatusCode}: {string.Join(" ", Messages)}";
}
