using HotelPlatform.Connectors.Testing;

namespace HotelPlatform.Connectors.Redis.Tests.Infrastructure;

/// <summary>
/// A <c>redis-server</c> of the test's own (<see cref="RedisServerProcess"/>: a free loopback port, a temporary folder,
/// killed when disposed). The executable is the one in <c>HOTELPLATFORM_TEST_REDIS</c> (<c>.ci/run</c> installs
/// Debian's and sets it), else <c>/usr/bin/redis-server</c>; a test skips, saying why, when there is none.
/// </summary>
internal static class RedisServer
{
    public static async Task<RedisServerProcess> StartAsync()
    {
        var executable = RedisServerProcess.FindExecutable();
        if (executable is null)
        {
            Assert.Skip($"No redis-server: install it (apt-get install -y redis-server, as .ci/run does) or set {RedisServerProcess.Variable} to its path.");
        }

        return await RedisServerProcess.StartAsync(executable, TestContext.Current.CancellationToken);
    }

    /// <summary>Returns a loopback port nothing listens on (for the "Redis is down" tests).</summary>
    public static int FreePort() => RedisServerProcess.FreePort();
}
