using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NetvaerkPortal.Data;

/// <summary>Lets 'dotnet ef migrations add' build the model without a tenant.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(DesignTimeDatabase.Configure(new DbContextOptionsBuilder<PortalDbContext>(), null, args).Options);
}

/// <summary>The engine 'dotnet ef' builds a model for: SQLite, or PostgreSQL when the environment variable
/// NETVAERK_EF_PROVIDER is Postgres or the factory's arguments (after 'dotnet ef ... --') name the provider.</summary>
public static class DesignTimeDatabase
{
    public const string ProviderVariable = "NETVAERK_EF_PROVIDER";

    public static bool IsPostgres(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var named = args.Select(DatabaseProviders.Canonical).LastOrDefault(provider => provider is not null)
            ?? DatabaseProviders.Canonical(Environment.GetEnvironmentVariable(ProviderVariable));
        return named == DatabaseProviders.Postgres;
    }

    public static TBuilder Configure<TBuilder>(TBuilder options, string? historyTable, string[] args)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        if (IsPostgres(args))
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
