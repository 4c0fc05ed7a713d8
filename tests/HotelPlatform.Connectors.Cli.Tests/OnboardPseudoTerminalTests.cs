using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace HotelPlatform.Connectors.Cli.Tests;

/// <summary>
/// The built <c>hotelpms</c> run in a real pseudo-terminal (util-linux <c>script</c>), answering its interactive prompts
/// as an operator types them: Spectre.Console sees a terminal, not redirected input.
/// </summary>
public sealed class OnboardPseudoTerminalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hotelpms-onboard-pty-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Interactive_onboarding_in_a_pseudo_terminal_asks_answers_and_writes_the_hotel_and_its_reports()
    {
        var script = new[] { "/usr/bin/script", "/bin/script" }.FirstOrDefault(File.Exists);
        Assert.SkipWhen(script is null, "util-linux 'script' is not installed (apt-get install -y bsdutils): no pseudo-terminal to drive the tool in.");
        var token = TestContext.Current.CancellationToken;
        var tool = Path.Combine(AppContext.BaseDirectory, "HotelPlatform.Connectors.Cli.dll");
        var output = Path.Combine(_directory, "appsettings.json");
        await File.WriteAllTextAsync(output, """{ "Logging": { "LogLevel": { "Default": "Warning" } } }""", token);

        // The terminal is made wide so Spectre does not wrap the prompts; `script -e` returns the tool's exit code.
        var command = $"stty cols 200 rows 50; exec dotnet '{tool}' onboard --simulator apaleo --output '{output}'";
        using var terminal = new PseudoTerminal(script!, command, _directory);

        await terminal.WaitForAsync("Hotel id", token);
        terminal.Type("bad id!\r");
        await terminal.WaitForAsync("letters, digits", token);
        terminal.Type("munich\r");
        await terminal.WaitForAsync("PMS", token);
        terminal.Type("\r"); // the simulator's vendor is the default
        foreach (var setting in new[] { "PropertyId", "ClientId", "BaseAddress", "TokenEndpoint" })
        {
            await terminal.WaitForAsync(setting, token);
            terminal.Type("\r"); // the simulator's value is the default; the secret is not asked (known, never shown)
        }

        var exit = await terminal.ExitAsync(token);

        Assert.True(exit == 0, terminal.Transcript);
        Assert.Contains("Onboarded", terminal.Transcript, StringComparison.Ordinal);
        var root = JsonNode.Parse(await File.ReadAllTextAsync(output, token))!;
        Assert.Equal("Warning", (string?)root["Logging"]!["LogLevel"]!["Default"]);
        var section = root["Hotels"]!["munich"]!.AsObject();
        Assert.Equal("apaleo", (string?)section["Vendor"]);
        Assert.Equal("true", section["Embedded"]!.ToJsonString());
        Assert.False(section.ContainsKey("ClientSecret"));
        Assert.Contains("ready: configuration written", await File.ReadAllTextAsync(Path.Combine(_directory, "onboarding-munich.md"), token), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "onboarding-munich.pdf")));
    }

    /// <summary>A command run by <c>script</c> in a new pseudo-terminal; what it prints is collected, keys are written to the terminal.</summary>
    private sealed class PseudoTerminal : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _transcript = new();
        private readonly Lock _gate = new();
        private readonly Task _reading;
        private int _searchFrom;

        public PseudoTerminal(string script, string command, string workingDirectory)
        {
            var start = new ProcessStartInfo(script) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
            foreach (var argument in new[] { "-q", "-f", "-e", "-c", command, "/dev/null" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["TERM"] = "xterm";
            _process = Process.Start(start)!;
            _reading = Task.Run(async () =>
            {
                var buffer = new char[4096];
                int read;
                while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
                {
                    lock (_gate)
                    {
                        _transcript.Append(buffer, 0, read);
                    }
                }
            });
        }

        public string Transcript
        {
            get
            {
                lock (_gate)
                {
                    return _transcript.ToString();
                }
            }
        }

        // Waits until the text appears after what earlier waits found; the test's token bounds a hang.
        public async Task WaitForAsync(string text, CancellationToken cancellationToken)
        {
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            hang.CancelAfter(TimeSpan.FromMinutes(2));
            while (true)
            {
                var transcript = Transcript;
                var at = transcript.IndexOf(text, _searchFrom, StringComparison.Ordinal);
                if (at >= 0)
                {
                    _searchFrom = at + text.Length;
                    return;
                }

                Assert.False(_process.HasExited && _reading.IsCompleted, $"The tool ended before printing '{text}':\n{transcript}");
                Assert.False(hang.IsCancellationRequested, $"The tool did not print '{text}':\n{transcript}");
                await Task.Delay(50, CancellationToken.None);
            }
        }

        public void Type(string keys)
        {
            _process.StandardInput.Write(keys);
            _process.StandardInput.Flush();
        }

        public async Task<int> ExitAsync(CancellationToken cancellationToken)
        {
            await _process.WaitForExitAsync(cancellationToken);
            await _reading;
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
