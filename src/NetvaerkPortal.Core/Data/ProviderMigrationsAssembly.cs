using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NetvaerkPortal.Data;

/// <summary>One assembly, migrations for two engines: a context on PostgreSQL sees the migrations and snapshot whose
/// namespace ends in <c>.Postgres</c> (Data/Migrations/Postgres); on SQLite, the others (Data/Migrations, as before).</summary>
public sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IDbContextOptions options) : IMigrationsAssembly
{
    public const string PostgresNamespaceSuffix = ".Postgres";

    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    public Assembly Assembly { get; } = LoadAssembly(currentContext, options);

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= FindMigrations();

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotLoaded)
            {
                var type = ConstructibleTypes()
                    .FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && IsForThisContext(t) && IsForThisProvider(t));
                _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                _snapshotLoaded = true;
            }

            return _snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(id.Length > 15 ? id[15..] : id, nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        ArgumentNullException.ThrowIfNull(migrationClass);
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    /// <summary>True when the migration or snapshot type belongs to the given engine's set.</summary>
    public static bool IsForProvider(Type type, bool postgres)
    {
        ArgumentNullException.ThrowIfNull(type);
        return (type.Namespace ?? "").EndsWith(PostgresNamespaceSuffix, StringComparison.Ordinal) == postgres;
    }

    private bool IsForThisProvider(Type type) => IsForProvider(type, currentContext.Context.Database.IsNpgsql());

    private bool IsForThisContext(Type type) =>
        type.GetCustomAttribute<DbContextAttribute>()?.ContextType == currentContext.Context.GetType();

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var found = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in ConstructibleTypes().Where(t => t.IsSubclassOf(typeof(Migration)) && IsForThisContext(t) && IsForThisProvider(t)))
        {
            if (type.GetCustomAttribute<MigrationAttribute>() is { } attribute)
            {
                found.Add(attribute.Id, type);
            }
        }

        return found;
    }

    private IEnumerable<TypeInfo> ConstructibleTypes() =>
        Assembly.DefinedTypes.Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false });

    private static Assembly LoadAssembly(ICurrentDbContext currentContext, IDbContextOptions options)
    {
        var name = options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().FirstOrDefault()?.MigrationsAssembly;
        return name is null ? currentContext.Context.GetType().Assembly : Assembly.Load(new AssemblyName(name));
    }
}
