using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators.Mews.State;

/// <summary>
/// A refusal as Mews answers it (guidelines/responses.md): 400 for an invalid parameter ("Invalid {Parameter}"), 401 for
/// refused tokens, 403 for a business rule "to show to the end user", 404 for a wrong address; the body is
/// <c>{Message, RequestId}</c>.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Message">The message.</param>
internal sealed record MewsRefusal(int StatusCode, string Message)
{
    public static MewsRefusal Invalid(string parameter, string? why = null) =>
        new(StatusCodes.Status400BadRequest, why is null ? $"Invalid {parameter}." : $"Invalid {parameter}: {why}");

    public static MewsRefusal Rule(string message) => new(StatusCodes.Status403Forbidden, message);
}
