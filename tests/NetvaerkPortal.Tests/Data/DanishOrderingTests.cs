using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Data;

/// <summary>Text sorted by the database comes out the Danish way on either engine: case ignored, æ, ø, å after z.</summary>
public class DanishOrderingTests
{
    protected virtual string? Provider => null;

    [Fact]
    public async Task Users_are_listed_case_insensitively_with_ae_oe_aa_after_z()
    {
        await using var host = PortalTestHost.Create(databaseProvider: Provider);
        var tenant = await host.CreateTenantAsync("Sortering");
        string[] expected = ["admin", "Anna", "bo", "Carl", "zelda", "Ærlig", "øjvind", "Åse"];
        await using (var scope = host.OpenScope(tenant))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            foreach (var name in expected.Skip(1).Reverse())
            {
                Assert.True((await users.CreateAsync(new PortalUser { UserName = name, Email = "x@example.test" }, PortalTestHost.AdminPassword)).Succeeded);
            }
        }

        var sorted = await host.QueryAsync(tenant, db => db.Users.OrderByDanish(db, u => u.UserName!).Select(u => u.UserName!).ToListAsync());

        Assert.Equal(expected, sorted);
        // The same order as the in-memory comparer SQLite's collation uses.
        Assert.Equal(expected, expected.Order(SqliteDanishCollation.Comparer));
    }
}

public sealed class DanishOrderingTestsOnPostgres : DanishOrderingTests
{
    protected override string? Provider => DatabaseProviders.Postgres;
}
