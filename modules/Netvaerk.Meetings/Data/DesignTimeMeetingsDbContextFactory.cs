using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NetvaerkPortal.Data;

namespace Netvaerk.Meetings.Data;

/// <summary>Lets 'dotnet ef migrations add' build the module's model without a tenant.</summary>
public sealed class DesignTimeMeetingsDbContextFactory : IDesignTimeDbContextFactory<MeetingsDbContext>
{
    public MeetingsDbContext CreateDbContext(string[] args)
    {
        var portal = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design.db").Options);
        return new MeetingsDbContext(
            new DbContextOptionsBuilder<MeetingsDbContext>().UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(MeetingsDbContext.MigrationsHistoryTable)).Options,
            portal);
    }
}
