namespace HotelPlatform.Connectors.ContractTests.Simulators;

/// <summary>A vendor request as the simulator's fault injector matches it: the method and a path pattern (<c>*</c> is one segment).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathPattern">The path, such as <c>/booking/v1/reservations/*</c>.</param>
public sealed record SimulatedRequest(string Method, string PathPattern);
