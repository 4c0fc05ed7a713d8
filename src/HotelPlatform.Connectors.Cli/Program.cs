using HotelPlatform.Connectors.Cli;
using Spectre.Console;

return await HotelPmsCli.RunAsync(args, AnsiConsole.Console).ConfigureAwait(false);

/// <summary>
/// The tool's entry point, declared so that it stays internal: the ASP.NET Core shared framework (which the guest sync
/// and mirror packages bring) would otherwise generate a public <c>Program</c> for top-level statements.
/// </summary>
internal sealed partial class Program;
