using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NetvaerkPortal.Data;

/// <summary>Lets 'dotnet ef migrations add' build the model without a tenant.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(DesignTimeDatabase.Configure(new DbContextOptionsBuilder<PortalDbContext>(), null).Options);
}

/// <summary>The engine 'dotnet ef' builds a model for: SQLite, or PostgreSQL when the environment variable
/// NETVAERK_EF_PROVIDER is Postgres (then add the migration with --output-dir Data/Migrations/Postgres).</summary>
public static class DesignTimeDatabase
{
    public const string ProviderVariable = "NETVAERK_EF_PROVIDER";

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    public static TBuilder Configure<TBuilder>(TBuilder options, string? historyTable)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        if (IsPostgres)
        {
            // Only the model is built; nothing connects. The name is read so that the timestamp switch is set first.
            DatabaseProviders.SchemaName("design");
            options.UseNpgsql("Host=localhost;Database=design", npgsql => npgsql.MigrationsHistoryTable(historyTable ?? HistoryRepository.DefaultTableName));
        }
        else
        {
            options.UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(historyTable ?? HistoryRepository.DefaultTableName));
        }

        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        return options;
    }
}
