using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HotelPlatform.Connectors.Mirror.PostgreSql;

/// <summary>Chooses the PostgreSQL mirror.</summary>
public static class PostgreSqlPmsMirrorBuilderExtensions
{
    /// <summary>Stores the mirror in PostgreSQL, shared by every host that uses the same database (its own connection pool, disposed with the container).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    public static PmsMirrorBuilder UsePostgreSql(this PmsMirrorBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Keyed, so that it never replaces (or is replaced by) the inbox's unkeyed data source.
        builder.Services.AddKeyedSingleton<NpgsqlDataSource>(typeof(PostgreSqlPmsReservationMirror), (_, _) => NpgsqlDataSource.Create(connectionString));
        return builder.UseStore(sp => new PostgreSqlPmsReservationMirror(sp.GetRequiredKeyedService<NpgsqlDataSource>(typeof(PostgreSqlPmsReservationMirror))));
    }
}
