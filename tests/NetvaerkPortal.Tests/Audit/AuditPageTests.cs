using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Audit;

/// <summary>/admin/audit: 50 entries a page, newest first, filtered by action.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed partial class AuditPageTests(NetworkPortal portal)
{
    [Fact]
    public async Task The_log_pages_by_fifty_newest_first_and_filters_by_action()
    {
        var tenant = (await portal.Factory.Tenants.CreateAsync(new CreateTenantRequest("Revision", "revision", null, portal.Factory.AppData.EmptyRecipe(),
            new SetupRequest("admin", "admin@revision.test", NetworkPortal.Password)))).Tenant;
        await portal.InTenantAsync(tenant, async services =>
        {
            var audit = services.GetRequiredService<AuditLog>();
            for (var i = 0; i < 120; i++)
            {
                audit.Record(AuditActions.SearchRebuild, $"indeks-{i:000}");
            }

            audit.Record(AuditActions.ContentDeleted, "sidste-sletning");
            return await services.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });
        using var admin = new BrowserlessSession(portal.Factory, "/revision");
        await admin.SignInAsync("admin", NetworkPortal.Password);

        var first = await TextAsync(admin, "/admin/audit?action=search.rebuild");
        var third = await TextAsync(admin, "/admin/audit?action=search.rebuild&page=3");
        var all = await TextAsync(admin, "/admin/audit");
        var deletions = await TextAsync(admin, "/admin/audit?action=content.deleted");

        Assert.Equal(Enumerable.Range(70, 50).Reverse().Select(i => $"indeks-{i:000}"), Targets(first));
        Assert.Contains("Side 1 af 3 (120 i alt)", first, StringComparison.Ordinal);
        Assert.Contains("page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 20).Reverse().Select(i => $"indeks-{i:000}"), Targets(third));
        Assert.Contains("page=2\" rel=\"prev\"", third, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", third, StringComparison.Ordinal);
        Assert.Contains("<td>sidste-sletning</td>", all, StringComparison.Ordinal);
        Assert.True(all.IndexOf("sidste-sletning", StringComparison.Ordinal) < all.IndexOf("indeks-119", StringComparison.Ordinal));
        Assert.Contains("<td>sidste-sletning</td>", deletions, StringComparison.Ordinal);
        Assert.DoesNotContain("indeks-", deletions, StringComparison.Ordinal);
    }

    private static async Task<string> TextAsync(BrowserlessSession session, string path)
    {
        var response = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> Targets(string page) => IndexTarget().Matches(page).Select(m => m.Groups[1].Value);

    [GeneratedRegex("<td>(indeks-\\d{3})</td>")]
    private static partial Regex IndexTarget();
}
