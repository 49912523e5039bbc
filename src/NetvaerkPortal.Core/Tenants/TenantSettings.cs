using System.Text.Json.Serialization;

namespace NetvaerkPortal.Tenants;

[JsonConverter(typeof(JsonStringEnumConverter<TenantState>))]
public enum TenantState
{
    Uninitialized,
    Running,
    Disabled,
}

/// <summary>One entry of tenants.json.</summary>
public sealed record TenantSettings
{
    public const string DefaultName = "Default";

    public required string Name { get; init; }

    public TenantState State { get; init; } = TenantState.Uninitialized;

    /// <summary>First path segment that selects this tenant, e.g. "nyborg" for /nyborg/...; empty for none.</summary>
    public string RequestUrlPrefix { get; init; } = "";

    /// <summary>Host name that selects this tenant, e.g. "nyborg.example.dk"; empty for none.</summary>
    public string RequestUrlHost { get; init; } = "";

    public string DatabaseProvider { get; init; } = Data.DatabaseProviders.Sqlite;

    /// <summary>Empty for SQLite means the tenant's own file under its site folder.</summary>
    public string ConnectionString { get; init; } = "";

    public string RecipeName { get; init; } = "";

    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;

    [JsonIgnore]
    public bool IsDefault => string.Equals(Name, DefaultName, StringComparison.OrdinalIgnoreCase);
}
