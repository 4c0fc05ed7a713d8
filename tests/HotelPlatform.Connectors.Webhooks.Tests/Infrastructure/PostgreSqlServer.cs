using Npgsql;

namespace HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in <c>HOTELPLATFORM_TEST_POSTGRES</c> (<c>.ci/run</c>
/// installs and starts a server and sets it). Each test gets its own schema, so tests never see each other's rows.
/// A test skips, saying why, when the variable is unset or the server does not answer.
/// </summary>
internal static class PostgreSqlServer
{
    public const string Variable = "HOTELPLATFORM_TEST_POSTGRES";

    private static readonly Lazy<Task<string?>> Unavailable = new(ProbeAsync);

    /// <summary>Creates a fresh schema and returns a connection string whose search path is it; skips the test when no server is reachable.</summary>
    public static async Task<string> CreateSchemaAsync()
    {
        if (await Unavailable.Value is { } reason)
        {
            Assert.Skip(reason);
        }

        var schema = $"t_{Guid.NewGuid():N}";
        await using (var dataSource = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable(Variable)!))
        await using (var command = dataSource.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable)) { SearchPath = schema, MaxPoolSize = 20 }.ToString();
    }

    private static async Task<string?> ProbeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"No PostgreSQL server: set {Variable} to a connection string (.ci/run installs, starts and sets one).";
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 }.ToString());
            await using var connection = await dataSource.OpenConnectionAsync();
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return $"The PostgreSQL server in {Variable} is not reachable: {exception.Message}";
        }
    }
}
