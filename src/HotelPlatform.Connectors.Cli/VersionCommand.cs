using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HotelPlatform.Connectors.Cli;

/// <summary><c>hotelpms version</c>: the informational versions of the tool and the SDK assemblies it carries.</summary>
internal sealed class VersionCommand(IAnsiConsole console) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumn("Assembly").AddColumn("Version");
        foreach (var assembly in new[] { typeof(VersionCommand).Assembly, typeof(IPmsConnector).Assembly })
        {
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
            table.AddRow(Markup.Escape(assembly.GetName().Name ?? "?"), Markup.Escape(version));
        }

        console.Write(table);
        return HotelPmsCli.Success;
    }
}
