using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace HotelPlatform.Connectors.Testing;

/// <summary>
/// A <c>redis-server</c> of one's own, on a free loopback port in a temporary folder (no persistence), killed when
/// disposed. Shared by the Redis tests (which skip without a server) and the permit-latency benchmark (which leaves
/// itself out), linked into both projects.
/// </summary>
internal sealed class RedisServerProcess : IAsyncDisposable
{
    /// <summary>The environment variable naming the executable (<c>.ci/run</c> installs Debian's and sets it).</summary>
    public const string Variable = "HOTELPLATFORM_TEST_REDIS";

    private readonly Process _process;
    private readonly string _directory;

    private RedisServerProcess(Process process, string directory, int port, ConnectionMultiplexer connection)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Gets a connection of the caller's own (limiters get theirs through their options).</summary>
    public ConnectionMultiplexer Connection { get; }

    /// <summary>Gets the executable: <see cref="Variable"/>, else <c>/usr/bin/redis-server</c>; <see langword="null"/> when neither exists.</summary>
    public static string? FindExecutable()
    {
        var executable = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(executable))
        {
            executable = "/usr/bin/redis-server";
        }

        return File.Exists(executable) ? executable : null;
    }

    public static async Task<RedisServerProcess> StartAsync(string executable, CancellationToken cancellationToken)
    {
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
                return new RedisServerProcess(process, directory, port, connection);
            }
            catch (RedisConnectionException) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Returns a loopback port nothing listens on.</summary>
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
