using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NetvaerkPortal.Data;

namespace Netvaerk.Networks.Data;

/// <summary>Lets 'dotnet ef migrations add' build the module's model without a tenant, for SQLite or PostgreSQL (see DesignTimeDatabase).</summary>
public sealed class DesignTimeNetworksDbContextFactory : IDesignTimeDbContextFactory<NetworksDbContext>
{
    public NetworksDbContext CreateDbContext(string[] args)
    {
        var portal = new PortalDbContext(DesignTimeDatabase.Configure(new DbContextOptionsBuilder<PortalDbContext>(), null, args).Options);
        return new NetworksDbContext(
            DesignTimeDatabase.Configure(new DbContextOptionsBuilder<NetworksDbContext>(), NetworksDbContext.MigrationsHistoryTable, args).Options,
            portal);
    }
}
