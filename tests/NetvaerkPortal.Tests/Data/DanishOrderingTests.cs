using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Data;

/// <summary>Text sorted by the database comes out the Danish way on either engine: case ignored, æ, ø, å after z.</summary>
public class DanishOrderingTests
{
    protected virtual string? Provider => null;

    [Fact]
    public async Task Text_is_sorted_case_insensitively_with_ae_oe_aa_after_z()
    {
        await using var host = PortalTestHost.Create(databaseProvider: Provider);
        var tenant = await host.CreateTenantAsync("Sortering");
        string[] titles = ["anders", "Bornholm", "Ebeltoft", "zoologi", "Ærø", "øer", "Østerbro", "Aabenraa", "Århus"];
        // User names allow only ASCII letters (Identity's default): there, case is what must not matter.
        string[] userNames = ["admin", "Anna", "bo", "Carl", "zelda"];
        await using (var scope = host.OpenScope(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            foreach (var title in titles.Reverse())
            {
                await content.PublishAsync(TestContent.NewArticle(title));
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            foreach (var name in userNames.Skip(1).Reverse())
            {
                Assert.True((await users.CreateAsync(new PortalUser { UserName = name, Email = "x@example.test" }, PortalTestHost.AdminPassword)).Succeeded);
            }
        }

        var sortedTitles = await host.QueryAsync(tenant, db => db.ContentItems.Where(r => r.Published).OrderByDanish(db, r => r.DisplayText!).Select(r => r.DisplayText!).ToListAsync());
        var sortedUsers = await host.QueryAsync(tenant, db => db.Users.OrderByDanish(db, u => u.UserName!).Select(u => u.UserName!).ToListAsync());

        Assert.Equal(titles, sortedTitles);
        Assert.Equal(userNames, sortedUsers);
        // The in-memory comparer behind SQLite's collation agrees with PostgreSQL's ICU one.
        Assert.Equal(titles, titles.Order(SqliteDanishCollation.Comparer));
    }
}

public sealed class DanishOrderingTestsOnPostgres : DanishOrderingTests
{
    protected override string? Provider => DatabaseProviders.Postgres;
}
