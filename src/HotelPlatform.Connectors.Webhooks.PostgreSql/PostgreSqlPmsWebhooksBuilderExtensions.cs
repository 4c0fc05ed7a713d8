using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HotelPlatform.Connectors.Webhooks.PostgreSql;

/// <summary>Chooses the PostgreSQL inbox.</summary>
public static class PostgreSqlPmsWebhooksBuilderExtensions
{
    /// <summary>Stores the inbox in PostgreSQL, shared by every host that uses the same database.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    public static PmsWebhooksBuilder UsePostgreSql(this PmsWebhooksBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        return builder.UseInbox(sp => new PostgreSqlPmsEventInbox(sp.GetRequiredService<NpgsqlDataSource>()));
    }
}
