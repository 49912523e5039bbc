using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>The portal the page tour visits: the Default tenant, and Nyborg Kommune (at /nyborg) set up from its recipe
/// with a member of its network, so every page type has real content to show.</summary>
public sealed class TourPortal : IAsyncLifetime
{
    public const string Nyborg = "/nyborg";
    public const string MemberName = "medlem";
    public const string MemberPassword = "Medlem-kodeord-2026";
    public const string NetworkPath = Nyborg + "/netvaerk/ledernetvaerk-boern-og-unge-social-og-sundhed";
    public const string CasePath = Nyborg + "/cases/en-samtale-for-sent-18-aarsovergangen";
    public const string CaseTitle = "Én samtale for sent: Hvad et forløb omkring 18-årsdagen lærte lederne";
    public const string NotePath = Nyborg + "/moedenotater/netvaerksmoede-2026-09-08";
    public const string ArticlePath = Nyborg + "/viden/18-aarsovergangen-faelles-tjekliste";

    public BrowserPortal Portal { get; private set; } = null!;

    public string CaseId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Portal = await BrowserPortal.StartAsync();
        var tenant = (await Portal.Factory.Tenants.CreateAsync(new CreateTenantRequest(
            "Nyborg", "nyborg", null, "nyborg-kommune", new SetupRequest("admin", "admin@nyborg.test", PortalTestHost.AdminPassword)))).Tenant;
        await using (var scope = Portal.Factory.Services.GetRequiredService<TenantScopes>().Create(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            async Task<string> IdOfAsync(string path)
            {
                var relative = path[(Nyborg.Length + 1)..];
                return await db.AutorouteIndex.Where(r => r.Path == relative).Select(r => r.ContentItemId).FirstAsync();
            }

            CaseId = await IdOfAsync(CasePath);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var member = new PortalUser { UserName = MemberName, Email = "medlem@nyborg.test", EmailConfirmed = true };
            Check(await users.CreateAsync(member, MemberPassword));
            Check(await users.AddToRoleAsync(member, PortalRoles.Member));
            await scope.ServiceProvider.GetRequiredService<NetworkMembers>().SetAsync(await IdOfAsync(NetworkPath), member.Id, NetworkRoles.Member);
        }

        await Portal.Factory.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(tenant);
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
