using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Tests.Data;

/// <summary>A model change without its migration would reach a tenant's database as a runtime error; it fails here instead,
/// for each engine: SQLite's migrations in Data/Migrations, PostgreSQL's in Data/Migrations/Postgres (ProviderMigrationsAssembly).</summary>
public sealed class PendingMigrationTests
{
    public static TheoryData<string, string> DesignTimeFactories()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in PortalAssemblies().SelectMany(a => a.GetTypes()).Where(IsDesignTimeFactory))
        {
            foreach (var provider in DatabaseProviders.Names)
            {
                data.Add(type.AssemblyQualifiedName!, provider);
            }
        }

        return data;
    }

    [Fact]
    public void Every_portal_db_context_is_checked()
    {
        // The platform's, the Networks and the Meetings modules' contexts at least, on both engines; a new module's is found the same way.
        Assert.True(DesignTimeFactories().Count >= 6);
    }

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void Model_has_no_changes_without_a_migration(string factoryType, string provider)
    {
        var factory = Activator.CreateInstance(Type.GetType(factoryType, throwOnError: true)!)!;
        var create = factory.GetType().GetMethod("CreateDbContext")!;
        using var context = (DbContext)create.Invoke(factory, [new[] { provider }])!;
        Assert.Equal(provider == DatabaseProviders.Postgres, context.Database.IsNpgsql());
        var name = context.GetType().Name;
        var add = provider == DatabaseProviders.Postgres
            ? $"NETVAERK_EF_PROVIDER=Postgres dotnet dotnet-ef migrations add NAME --project <its project> --context {name} --output-dir Data/Migrations/Postgres --namespace <its namespace>.Data.Migrations.Postgres"
            : $"dotnet dotnet-ef migrations add NAME --project <its project> --context {name} --output-dir Data/Migrations";
        Assert.False(context.Database.HasPendingModelChanges(), $"{name} has model changes without a {provider} migration. Add one: {add}");
    }

    [Fact]
    public void Each_engine_sees_only_its_own_migrations()
    {
        using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([DatabaseProviders.Sqlite]);
        using var postgres = new DesignTimeDbContextFactory().CreateDbContext([DatabaseProviders.Postgres]);
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();
        Assert.Contains(sqliteMigrations, id => id.EndsWith("_AuditLog", StringComparison.Ordinal));
        Assert.NotEmpty(postgresMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }

    private static IEnumerable<Assembly> PortalAssemblies() =>
        ModuleCatalog.Discover(typeof(Program).Assembly).Ordered.Select(m => m.Assembly).OfType<Assembly>().Append(typeof(ModuleCatalog).Assembly).Distinct();

    private static bool IsDesignTimeFactory(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<>));
}
