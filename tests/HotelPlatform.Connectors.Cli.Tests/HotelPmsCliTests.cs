using HotelPlatform.Connectors.Cli;
using Spectre.Console.Testing;
using Xunit;

namespace HotelPlatform.Connectors.Cli.Tests;

public sealed class HotelPmsCliTests
{
    [Fact]
    public async Task Version_lists_the_tool_and_the_abstractions_assembly()
    {
        var console = new TestConsole();
        console.Profile.Width = 200;

        var exitCode = await HotelPmsCli.RunAsync(["version"], console);

        Assert.Equal(HotelPmsCli.Success, exitCode);
        Assert.Contains("HotelPlatform.Connectors.Cli", console.Output, StringComparison.Ordinal);
        Assert.Contains("HotelPlatform.Connectors.Abstractions", console.Output, StringComparison.Ordinal);
        Assert.Contains("0.1.0", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_naming_the_command()
    {
        var console = new TestConsole();

        var exitCode = await HotelPmsCli.RunAsync(["no-such-command"], console);

        Assert.Equal(HotelPmsCli.Usage, exitCode);
        Assert.Contains("no-such-command", console.Output, StringComparison.Ordinal);
    }
}
