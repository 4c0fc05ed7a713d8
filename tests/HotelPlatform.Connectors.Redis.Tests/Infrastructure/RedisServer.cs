using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace HotelPlatform.Connectors.Redis.Tests.Infrastructure;

/// <summary>
/// A <c>redis-server</c> of the test's own, on a free loopback port in a temporary folder, killed when disposed. The
/// executable is the one in <c>HOTELPLATFORM_TEST_REDIS</c> (<c>.ci/run</c> installs Debian's and sets it), else
/// <c>/usr/bin/redis-server</c>; a test skips, saying why, when there is none.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string Variable = "HOTELPLATFORM_TEST_REDIS";

    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, string directory, int port, ConnectionMultiplexer connection)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Gets a connection of the test's own (the limiters under test get theirs through their options).</summary>
    public ConnectionMultiplexer Connection { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(executable))
        {
            executable = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null;
        }

        if (executable is null || !File.Exists(executable))
        {
            Assert.Skip($"No redis-server: install it (apt-get install -y redis-server, as .ci/run does) or set {Variable} to its path.");
        }

        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("hotelplatform-redis-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory, "--save", string.Empty, "--appendonly", "no", "--daemonize", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Start-up wait, not a timed assertion: connect until the server answers (or give up after a generous while).
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},connectTimeout=2000");
                await connection.GetDatabase().PingAsync();
                return new RedisServer(process, directory, port, connection);
            }
            catch (RedisConnectionException) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>Returns a loopback port nothing listens on (for the "Redis is down" tests).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
