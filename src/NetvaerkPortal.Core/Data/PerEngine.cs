using Microsoft.EntityFrameworkCore;

namespace NetvaerkPortal.Data;

/// <summary>One of <typeparamref name="T"/> per database engine, made on first use: an EF compiled query binds to the model
/// it first ran on, and one node serves tenants on SQLite and on PostgreSQL, whose models differ.</summary>
public sealed class PerEngine<T>(Func<T> create)
    where T : class
{
    private readonly Lazy<T> _sqlite = new(create);
    private readonly Lazy<T> _postgres = new(create);

    public T For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db switch
        {
            PortalDbContext portal => portal.IsPostgres,
            ModuleDbContext module => module.IsPostgres,
            _ => db.Database.IsNpgsql(),
        };
        return postgres ? _postgres.Value : _sqlite.Value;
    }
}
