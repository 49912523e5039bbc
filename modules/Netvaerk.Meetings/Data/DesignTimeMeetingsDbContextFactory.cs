using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NetvaerkPortal.Data;

namespace Netvaerk.Meetings.Data;

/// <summary>Lets 'dotnet ef migrations add' build the module's model without a tenant, for SQLite or PostgreSQL (see DesignTimeDatabase).</summary>
public sealed class DesignTimeMeetingsDbContextFactory : IDesignTimeDbContextFactory<MeetingsDbContext>
{
    public MeetingsDbContext CreateDbContext(string[] args)
    {
        var portal = new PortalDbContext(DesignTimeDatabase.Configure(new DbContextOptionsBuilder<PortalDbContext>(), null, args).Options);
        return new MeetingsDbContext(
            DesignTimeDatabase.Configure(new DbContextOptionsBuilder<MeetingsDbContext>(), MeetingsDbContext.MigrationsHistoryTable, args).Options,
            portal);
    }
}
