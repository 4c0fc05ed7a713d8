using Spectre.Console;
using Spectre.Console.Cli;

namespace HotelPlatform.Connectors.Cli;

/// <summary>
/// The <c>hotelpms</c> command app: every command is registered in <see cref="Register"/>, one line each, and its code
/// lives in its own file. Tests run the same app on a test console.
/// </summary>
internal static class HotelPmsCli
{
    /// <summary>The command completed.</summary>
    public const int Success = 0;

    /// <summary>The command failed: its message names what went wrong.</summary>
    public const int Failed = 1;

    /// <summary>The command line was malformed (unknown command, missing or invalid option).</summary>
    public const int Usage = 2;

    /// <summary>Runs the command line on <paramref name="console"/> and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("hotelpms");
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            Register(config);
        });

        try
        {
            return await app.RunAsync(args).ConfigureAwait(false);
        }
        catch (CommandAppException exception)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
            return Usage;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]cancelled[/]");
            return Failed;
        }
    }

    private static void Register(IConfigurator config)
    {
        config.AddCommand<VersionCommand>("version")
            .WithDescription("Prints the versions of the SDK assemblies this tool was built with.");
        config.AddCommand<Commands.Onboard.OnboardCommand>("onboard").WithDescription("Onboards a hotel: detects its PMS, validates its settings, tests the connection and a read-only smoke run, then writes its configuration section and a report.");
        config.AddCommand<Commands.Bulk.BulkCommand>("bulk").WithDescription("Runs a chain-wide job (arrivals, health) over the hotels of a configuration file, resumable from a checkpoint.");
        config.AddCommand<Commands.Catalog.CatalogCommand>("catalog").WithDescription("Lists the connectors, what each can do, how it authenticates, its limits and certification (--json for machines).");
        config.AddBranch("guests", guests => guests.AddCommand<Commands.GuestSync.GuestSyncCommand>("sync").WithDescription("Syncs one guest (by --email/--phone) across the chain's PMSs into the golden record; --dry-run reports only."));
    }
}
