using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NetvaerkPortal.Tenants;

/// <summary>The tenant registry of several nodes: one row per tenant in PostgreSQL's <c>portal_host</c> schema (created if
/// missing), the settings as JSON beside the keys that must be unique. Each node keeps the list in memory and reads it again
/// when the registry's version number moves (polled every <see cref="PollInterval"/>, or at once on a signal), so a tenant
/// created, disabled or changed on one node serves that way everywhere within about a second.</summary>
public sealed class PostgresTenantRegistry : ITenantRegistry, IDisposable
{
    public const string ProviderName = "Postgres";
    public const string Schema = "portal_host";
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // One number for the advisory lock of first-start setup: "netvaerk" in ASCII.
    private const long SetupLockKey = 0x6E65747661657266;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TenantChanges _changes;
    private readonly ILogger _logger;
    private readonly string _where;
    private readonly Lock _lock = new();
    private readonly Timer _poll;
    private IReadOnlyList<TenantSettings>? _tenants;
    private long _version = -1;
    private int _polling;
    private bool _unreachable;

    public PostgresTenantRegistry(string connectionString, TenantChanges changes, ILogger<PostgresTenantRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Portal:Database:Provider is Postgres, but Portal:Database:ConnectionString is empty. "
                + "Set it, e.g. Host=127.0.0.1;Port=5432;Username=netvaerk;Password=...;Database=netvaerk");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException error)
        {
            throw new InvalidOperationException($"Portal:Database:ConnectionString is not a PostgreSQL connection string ({error.Message}). "
                + "Write it as Key=Value pairs, e.g. Host=127.0.0.1;Port=5432;Username=netvaerk;Password=...;Database=netvaerk", error);
        }

        _where = $"{builder.Host}:{builder.Port}, database '{builder.Database}'";
        _dataSource = NpgsqlDataSource.Create(builder);
        _changes = changes;
        _logger = logger;
        _poll = new Timer(_ => Poll(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public IReadOnlyList<TenantSettings> All()
    {
        if (Volatile.Read(ref _tenants) is { } tenants)
        {
            return tenants;
        }

        lock (_lock)
        {
            if (_tenants is null)
            {
                Reach(() =>
                {
                    CreateSchema();
                    Load();
                });
                _poll.Change(PollInterval, PollInterval);
            }

            return _tenants!;
        }
    }

    public void Save(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        Write((connection, transaction, version) => Execute(connection, transaction, $"""
            INSERT INTO {Schema}.tenants (name_key, prefix_key, host_key, settings, version, updated_utc)
            VALUES (@name, @prefix, @host, @settings::jsonb, @version, now())
            ON CONFLICT (name_key) DO UPDATE SET prefix_key = excluded.prefix_key, host_key = excluded.host_key,
                settings = excluded.settings, version = excluded.version, updated_utc = now()
            """, Row(tenant, version)));
    }

    public void Add(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        try
        {
            Write((connection, transaction, version) => Execute(connection, transaction, $"""
                INSERT INTO {Schema}.tenants (name_key, prefix_key, host_key, settings, version, updated_utc)
                VALUES (@name, @prefix, @host, @settings::jsonb, @version, now())
                """, Row(tenant, version)));
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another node was first: say with whom this one collides, as the list now stands.
            Refresh();
            throw TenantRegistryRules.Clash(All(), tenant) ?? TenantRegistryRules.NameTaken(tenant.Name);
        }
    }

    public void Remove(string name) =>
        Write((connection, transaction, _) => Execute(connection, transaction, $"DELETE FROM {Schema}.tenants WHERE name_key = @name",
            [new("name", Key(name))]));

    public void Refresh()
    {
        if (Volatile.Read(ref _tenants) is null)
        {
            return;
        }

        lock (_lock)
        {
            Reach(Load);
        }
    }

    public IDisposable HoldSetupLock()
    {
        All();
        var connection = Reach(() => _dataSource.OpenConnection());
        try
        {
            Execute(connection, null, "SELECT pg_advisory_lock(@key)", [new("key", SetupLockKey)]);
            return new SetupLock(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _poll.Dispose();
        _dataSource.Dispose();
    }

    /// <summary>One write: the registry's version moves in the same transaction (its row lock also puts concurrent writers in
    /// line), and this node reads the list again at once, so it sees its own change without waiting for the poll.</summary>
    private void Write(Action<NpgsqlConnection, NpgsqlTransaction, long> change)
    {
        All();
        lock (_lock)
        {
            Reach(() =>
            {
                using var connection = _dataSource.OpenConnection();
                using var transaction = connection.BeginTransaction();
                using (var bump = new NpgsqlCommand($"UPDATE {Schema}.registry SET version = version + 1 WHERE id = 1 RETURNING version", connection, transaction))
                {
                    change(connection, transaction, (long)bump.ExecuteScalar()!);
                }

                transaction.Commit();
            });
            Reach(Load);
        }
    }

    private void CreateSchema()
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Two nodes starting at once would race on the catalog: the lock puts them in line; IF NOT EXISTS makes the second a no-op.
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", [new("key", SetupLockKey + 1)]);
        Execute(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {Schema};
            CREATE TABLE IF NOT EXISTS {Schema}.registry (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
            INSERT INTO {Schema}.registry (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
            CREATE TABLE IF NOT EXISTS {Schema}.tenants (
                name_key text PRIMARY KEY,
                prefix_key text NOT NULL,
                host_key text NOT NULL,
                settings jsonb NOT NULL,
                version bigint NOT NULL,
                updated_utc timestamptz NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS tenants_prefix ON {Schema}.tenants (prefix_key) WHERE prefix_key <> '';
            CREATE UNIQUE INDEX IF NOT EXISTS tenants_host ON {Schema}.tenants (host_key) WHERE host_key <> '';
            """, []);
        transaction.Commit();
    }

    /// <summary>Reads the version and the list in one snapshot; tells <see cref="TenantChanges"/> which tenants differ.</summary>
    private void Load()
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var version = ReadVersion(connection, transaction);
        var tenants = new List<TenantSettings>();
        using (var command = new NpgsqlCommand($"SELECT settings::text FROM {Schema}.tenants ORDER BY name_key", connection, transaction))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tenants.Add(JsonSerializer.Deserialize<TenantSettings>(reader.GetString(0))
                    ?? throw new InvalidOperationException($"A row of {Schema}.tenants holds no tenant settings."));
            }
        }

        transaction.Commit();
        var before = _tenants ?? [];
        _tenants = tenants;
        _version = version;
        foreach (var name in Changed(before, tenants))
        {
            _changes.Heard(name);
        }
    }

    private void Poll()
    {
        if (Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            using var connection = _dataSource.OpenConnection();
            if (ReadVersion(connection, null) != Volatile.Read(ref _version))
            {
                lock (_lock)
                {
                    Load();
                }
            }

            if (_unreachable)
            {
                _unreachable = false;
                _logger.LogInformation("The tenant registry at {Where} answers again", _where);
            }
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The node goes on serving the tenants it knows; said once per outage.
            if (!_unreachable)
            {
                _unreachable = true;
                _logger.LogWarning(error, "The tenant registry at {Where} cannot be read; serving the tenants as last read until it answers", _where);
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private static long ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand($"SELECT version FROM {Schema}.registry WHERE id = 1", connection, transaction);
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Changed(IReadOnlyList<TenantSettings> before, IReadOnlyList<TenantSettings> after)
    {
        var old = before.ToDictionary(t => Key(t.Name), StringComparer.Ordinal);
        var now = after.ToDictionary(t => Key(t.Name), StringComparer.Ordinal);
        return old.Where(o => !now.TryGetValue(o.Key, out var n) || n != o.Value).Select(o => o.Value.Name)
            .Concat(now.Where(n => !old.ContainsKey(n.Key)).Select(n => n.Value.Name))
            .ToList();
    }

    private static NpgsqlParameter[] Row(TenantSettings tenant, long version) =>
    [
        new("name", Key(tenant.Name)),
        new("prefix", Key(tenant.RequestUrlPrefix)),
        new("host", Key(tenant.RequestUrlHost)),
        new("settings", JsonSerializer.Serialize(tenant)),
        new("version", version),
    ];

    private static string Key(string value) => value.ToLowerInvariant();

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, NpgsqlParameter[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        command.ExecuteNonQuery();
    }

    private void Reach(Action work) => Reach(() => { work(); return true; });

    /// <summary>Turns "cannot connect" into a message that says where and what to do; a collision passes through.</summary>
    private T Reach<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (PostgresException error) when (error.SqlState != PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"The tenant registry in PostgreSQL ({_where}) refused: {error.MessageText} "
                + "Check Portal:Database:ConnectionString (database, user and password) and that the user may create the schema " + Schema + ".", error);
        }
        catch (Exception error) when (error is NpgsqlException and not PostgresException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"The tenant registry in PostgreSQL ({_where}) cannot be reached: {error.Message} "
                + "Start PostgreSQL or fix Portal:Database:ConnectionString.", error);
        }
    }

    private sealed class SetupLock(NpgsqlConnection connection) : IDisposable
    {
        public void Dispose()
        {
            // Closing the session releases its advisory lock, also when the unlock itself fails.
            using (connection)
            {
                try
                {
                    Execute(connection, null, "SELECT pg_advisory_unlock(@key)", [new("key", SetupLockKey)]);
                }
                catch (NpgsqlException)
                {
                    // Gone with the connection.
                }
            }
        }
    }
}
