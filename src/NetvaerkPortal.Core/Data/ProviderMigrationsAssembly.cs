using System.Collections.Concurrent;
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

    // EF makes this service per context: the types found are kept per assembly, context and engine, as scanning an
    // assembly's types for them was most of a tenant's first request after a start (three contexts, one scan each).
    private static readonly ConcurrentDictionary<(Assembly Assembly, Type Context, bool Postgres), Found> Scans = new();

    private Found? _found;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    public Assembly Assembly { get; } = LoadAssembly(currentContext, options);

    public IReadOnlyDictionary<string, TypeInfo> Migrations => Scan().Migrations;

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotLoaded)
            {
                _snapshot = Scan().Snapshot is { } type ? (ModelSnapshot)Activator.CreateInstance(type.AsType())! : null;
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

    private Found Scan() => _found ??= Scans.GetOrAdd(
        (Assembly, currentContext.Context.GetType(), currentContext.Context.Database.IsNpgsql()), key => Found.In(key.Assembly, key.Context, key.Postgres));

    /// <summary>One context's migrations (by id) and model snapshot for one engine.</summary>
    private sealed record Found(IReadOnlyDictionary<string, TypeInfo> Migrations, TypeInfo? Snapshot)
    {
        public static Found In(Assembly assembly, Type context, bool postgres)
        {
            var ours = assembly.DefinedTypes
                .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }
                    && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context && IsForProvider(t, postgres))
                .ToList();
            var migrations = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
            foreach (var type in ours.Where(t => t.IsSubclassOf(typeof(Migration))))
            {
                if (type.GetCustomAttribute<MigrationAttribute>() is { } attribute)
                {
                    migrations.Add(attribute.Id, type);
                }
            }

            return new Found(migrations, ours.FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot))));
        }
    }

    private static Assembly LoadAssembly(ICurrentDbContext currentContext, IDbContextOptions options)
    {
        var name = options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().FirstOrDefault()?.MigrationsAssembly;
        return name is null ? currentContext.Context.GetType().Assembly : Assembly.Load(new AssemblyName(name));
    }
}
