using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Audit;

/// <summary>Administrative actions in the web admin and the API each leave exactly one audit entry with who,
/// what and from where, in the tenant's own database; only administrators read the log.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class AuditLogTests(NetworkPortal portal)
{
    [Fact]
    public async Task Creating_locking_and_unlocking_a_user_in_the_admin_are_recorded_once_each()
    {
        using var admin = new BrowserlessSession(portal.Factory, "/alfa");
        await admin.SignInAsync("admin", NetworkPortal.Password);

        await admin.SubmitAsync("/admin/users", new Dictionary<string, string>
        {
            ["Input.UserName"] = "revision-karen",
            ["Input.Email"] = "karen@example.dk",
            ["Input.Password"] = "Karens-Kodeord-1",
            ["Input.Role"] = "Editor",
        });
        var id = await portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("revision-karen"))!.Id);
        foreach (var locked in new[] { "true", "false" })
        {
            await admin.SubmitAsync("/admin/users", new Dictionary<string, string> { ["id"] = id, ["locked"] = locked }, "/admin/users?handler=Lock");
        }

        var entries = await EntriesAsync(portal.Alfa, "revision-karen");
        Assert.Equal([AuditActions.UserCreated, AuditActions.UserLocked, AuditActions.UserUnlocked], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("admin", e.Actor));
        Assert.All(entries, e => Assert.NotEqual(AuditOrigin.System.Address, e.Address));
        Assert.Contains("Editor", entries[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_membership_changes_are_recorded_once_each_and_a_change_to_nothing_not_at_all()
    {
        await portal.CreateUserAsync(portal.Alfa, "revision-ole", PortalRoles.Member);
        using var admin = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "admin"));
        var member = new Uri($"/alfa/api/networks/{portal.NetworkX}/members/revision-ole", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(member, NetworkPortal.Json("""{"Role": "member"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(member, NetworkPortal.Json("""{"Role": "coordinator"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(member, NetworkPortal.Json("""{"Role": "tovholder"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(member)).StatusCode);

        var entries = await EntriesAsync(portal.Alfa, "revision-ole");
        Assert.Equal([NetworkAuditActions.MemberAdded, NetworkAuditActions.MemberRoleChanged, NetworkAuditActions.MemberRemoved], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("admin", e.Actor));
        Assert.All(entries, e => Assert.Contains(portal.NetworkX, e.Details, StringComparison.Ordinal));
        Assert.Contains("coordinator", entries[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_deletion_is_recorded_once_with_its_title_and_who_deleted_it()
    {
        var item = await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("KnowledgeArticle", "Revisionsartikel 8101", "Tekst", "Tenant"));
        using var editor = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "redaktoer"));

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(new Uri($"/alfa/api/content/{item.ContentItemId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.DeleteAsync(new Uri($"/alfa/api/content/{item.ContentItemId}", UriKind.Relative))).StatusCode);

        var entry = Assert.Single(await EntriesAsync(portal.Alfa, "Revisionsartikel 8101"));
        Assert.Equal((AuditActions.ContentDeleted, "redaktoer"), (entry.Action, entry.Actor));
        Assert.Contains(item.ContentItemId, entry.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redaktoer")]
    [InlineData("medlem-x")]
    public async Task Only_administrators_read_the_audit_log(string userName)
    {
        using var session = new BrowserlessSession(portal.Factory, "/alfa");
        await session.SignInAsync(userName, NetworkPortal.Password);
        using var admin = new BrowserlessSession(portal.Factory, "/alfa");
        await admin.SignInAsync("admin", NetworkPortal.Password);

        var refused = await session.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var location = refused.Headers.Location!.ToString();
        Assert.Contains("/account/denied", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(location[location.IndexOf("/account", StringComparison.Ordinal)..])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/audit")).StatusCode);
        Assert.Contains("/alfa/admin/audit", await (await admin.GetAsync("/admin")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<List<AuditEntry>> EntriesAsync(TenantSettings tenant, string target) =>
        portal.InTenantAsync(tenant, services => services.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Target == target).OrderBy(e => e.Id).ToListAsync());
}
