using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NetvaerkPortal.Data;

namespace Netvaerk.Networks.Data;

/// <summary>Lets 'dotnet ef migrations add' build the module's model without a tenant.</summary>
public sealed class DesignTimeNetworksDbContextFactory : IDesignTimeDbContextFactory<NetworksDbContext>
{
    public NetworksDbContext CreateDbContext(string[] args)
    {
        var portal = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design.db").Options);
        return new NetworksDbContext(
            new DbContextOptionsBuilder<NetworksDbContext>().UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(NetworksDbContext.MigrationsHistoryTable)).Options,
            portal);
    }
}
