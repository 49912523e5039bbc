namespace NetvaerkPortal;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Where tenants.json and every tenant's site folder live; relative paths are under the content root.</summary>
    public string AppDataPath { get; set; } = "App_Data";

    public SetupOptions Setup { get; set; } = new();

    /// <summary>The engine for new tenants (and, for PostgreSQL, the tenant registry); SQLite files need no setting.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>What several nodes share; empty means one node on its own.</summary>
    public RedisOptions Redis { get; set; } = new();

    /// <summary>A root that every node sees (a shared volume); empty means each tenant's site folder in App_Data.</summary>
    public string MediaPath { get; set; } = "";

    public sealed class DatabaseOptions
    {
        /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
        public string Provider { get; set; } = Data.DatabaseProviders.Sqlite;

        /// <summary>For PostgreSQL, the server and database; each tenant gets its own schema in it.</summary>
        public string ConnectionString { get; set; } = "";
    }

    public sealed class RedisOptions
    {
        /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
        public string Configuration { get; set; } = "";
    }

    public sealed class SetupOptions
    {
        public string AdminUserName { get; set; } = "admin";

        public string AdminEmail { get; set; } = "admin@localhost";

        /// <summary>When empty a password is generated and printed once at setup.</summary>
        public string? AdminPassword { get; set; }

        public string Recipe { get; set; } = "netvaerk-portal";

        /// <summary>Also set up the four case organisations as tenants on first start (see CaseTenants).</summary>
        public bool CaseTenants { get; set; }
    }
}
