using HotelPlatform.Connectors.Cli;
using Spectre.Console;

return await HotelPmsCli.RunAsync(args, AnsiConsole.Console).ConfigureAwait(false);
