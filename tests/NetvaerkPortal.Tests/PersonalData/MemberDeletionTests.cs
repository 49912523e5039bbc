using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.PersonalData;

/// <summary>GDPR erasure: an administrator deletes a member; memberships and tokens go, what they wrote stays by
/// "Tidligere medlem". Deleting a network removes its memberships too.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class MemberDeletionTests(NetworkPortal portal)
{
    [Fact]
    public async Task Deleting_a_member_removes_memberships_and_tokens_and_keeps_their_writing_by_a_former_member()
    {
        var userId = await portal.CreateUserAsync(portal.Alfa, "slet-mette", PortalRoles.Member, (portal.NetworkX, NetworkRoles.Member));
        using var mette = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "slet-mette"));
        var note = await MemberNotes.WriteAsync(mette, portal.NetworkX, "Notat der bliver 7201");
        using var admin = new BrowserlessSession(portal.Factory, "/alfa");
        await admin.SignInAsync("admin", NetworkPortal.Password);

        var confirm = await admin.GetAsync($"/admin/users/{userId}/delete");
        var deleted = await admin.SubmitAsync($"/admin/users/{userId}/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Vil du slette slet-mette?", WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("Brugeren slet-mette er slettet.", WebUtility.HtmlDecode(await deleted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mette.GetAsync(new Uri("/alfa/api/content", UriKind.Relative))).StatusCode);
        var (user, memberships, tokens, versions, indexOwners, audit) = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            return (
                await services.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId),
                await services.GetRequiredService<NetworkMembers>().ForUserAsync(userId),
                await db.PersonalAccessTokens.CountAsync(t => t.UserId == userId),
                await db.ContentItems.AsNoTracking().Where(r => r.ContentItemId == note).Select(r => new { r.Owner, r.Author }).ToListAsync(),
                await services.GetRequiredService<NetworksDbContext>().VisibilityIndex.Where(r => r.ContentItemId == note).Select(r => r.Owner).ToListAsync(),
                await db.AuditEntries.Where(e => e.Action == AuditActions.UserDeleted && e.Target == "slet-mette").ToListAsync());
        });
        Assert.Null(user);
        Assert.Empty(memberships);
        Assert.Equal(0, tokens);
        Assert.All(versions, v => Assert.Equal((MemberDeletion.FormerMember, MemberDeletion.FormerMember), (v.Owner, v.Author)));
        Assert.All(indexOwners, owner => Assert.Equal(MemberDeletion.FormerMember, owner));
        Assert.Equal("admin", Assert.Single(audit).Actor);

        // The note stays readable for its network, by "Tidligere medlem", and names the member nowhere.
        using var memberOfX = portal.Client(ReaderKind.MemberOfX);
        var api = await memberOfX.GetAsync(new Uri($"/alfa/api/content/{note}", UriKind.Relative));
        var page = await memberOfX.GetAsync(new Uri("/alfa/moedenotater/notat-der-bliver-7201", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var json = await api.Content.ReadAsStringAsync();
        Assert.Equal(MemberDeletion.FormerMember, (string)JsonNode.Parse(json)!["Author"]!);
        Assert.Equal(MemberDeletion.FormerMember, (string)JsonNode.Parse(json)!["Owner"]!);
        Assert.DoesNotContain("slet-mette", json, StringComparison.Ordinal);
        Assert.DoesNotContain(userId, json, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_network_removes_its_memberships_so_a_reimport_under_its_id_lets_nobody_in()
    {
        var network = await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("Network", "Netværk Z 7301", "Om netværk Z", "Public"));
        var userId = await portal.CreateUserAsync(portal.Alfa, "z-medlem", PortalRoles.Member, (network.ContentItemId, NetworkRoles.Coordinator));
        using var editor = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "redaktoer"));

        var deleted = await editor.DeleteAsync(new Uri($"/alfa/api/content/{network.ContentItemId}", UriKind.Relative));
        var afterDelete = await MembershipsAsync(network.ContentItemId);
        var again = network.Clone();
        again.Published = true;
        await portal.WriteAsync(portal.Alfa, content => content.ImportAsync(again));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(afterDelete);
        Assert.Empty(await MembershipsAsync(network.ContentItemId));
        Assert.Empty(await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<NetworkMembers>().ForUserAsync(userId)));
    }

    [Fact]
    public async Task Members_and_editors_cannot_delete_a_member()
    {
        var userId = await portal.CreateUserAsync(portal.Alfa, "slet-ikke", PortalRoles.Member);
        foreach (var (userName, formPage) in new[] { ("redaktoer", "/admin/content"), ("medlem-x", "/account/password") })
        {
            using var session = new BrowserlessSession(portal.Factory, "/alfa");
            await session.SignInAsync(userName, NetworkPortal.Password);

            var ask = await session.GetAsync($"/admin/users/{userId}/delete");
            var post = await session.SubmitAsync(formPage, new Dictionary<string, string>(), $"/admin/users/{userId}/delete");

            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
            Assert.Contains("/account/denied", ask.Headers.Location?.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains("/account/denied", post.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.NotNull(await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId)));
    }

    [Fact]
    public async Task An_administrator_cannot_delete_themselves()
    {
        var adminId = await portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("admin"))!.Id);
        using var admin = new BrowserlessSession(portal.Factory, "/alfa");
        await admin.SignInAsync("admin", NetworkPortal.Password);

        var refused = await admin.SubmitAsync($"/admin/users/{adminId}/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Du kan ikke slette din egen konto.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotNull(await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(adminId)));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Memberships_left_behind_by_deleted_users_and_networks_are_removed_at_startup()
    {
        var userId = await portal.CreateUserAsync(portal.Alfa, "bliver-medlem", PortalRoles.Member, (portal.NetworkX, NetworkRoles.Member));
        await portal.InTenantAsync(portal.Alfa, async services =>
        {
            // What older versions left behind: rows of a user and of a network that no longer exist.
            var networks = services.GetRequiredService<NetworksDbContext>();
            networks.Members.Add(new NetworkMember { NetworkContentItemId = portal.NetworkX, UserId = "slettet-bruger", Role = NetworkRoles.Member });
            networks.Members.Add(new NetworkMember { NetworkContentItemId = "slettet-netvaerk", UserId = userId, Role = NetworkRoles.Coordinator });
            return await networks.SaveChangesAsync();
        });

        await portal.InTenantAsync(portal.Alfa, async services =>
        {
            // A database that an older build migrated last (it carries another schema stamp), started by this one.
            await DatabaseProviders.WriteSchemaStampAsync(services.GetRequiredService<PortalDbContext>(), 7, CancellationToken.None);
            await TenantSetup.MigrateAsync(services, CancellationToken.None);
            return true;
        });

        var rows = await portal.InTenantAsync(portal.Alfa, services =>
            services.GetRequiredService<NetworksDbContext>().Members.AsNoTracking().Select(m => new { m.NetworkContentItemId, m.UserId }).ToListAsync());
        Assert.DoesNotContain(rows, m => m.UserId == "slettet-bruger" || m.NetworkContentItemId == "slettet-netvaerk");
        Assert.Contains(rows, m => m.UserId == userId && m.NetworkContentItemId == portal.NetworkX);
    }

    private Task<List<NetworkMember>> MembershipsAsync(string networkId) =>
        portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<NetworkMembers>().ListAsync(networkId));
}
