using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>A tenant of its own (prefix /gamma) in the networks portal for tests that store what older code let
/// through, so that the shared tenant Alfa stays clean: networks P and Q, an editor, a member of P, and a
/// Network-visible note in Q that the member may not read.</summary>
public sealed class HardeningTenant
{
    private static readonly ConditionalWeakTable<NetworkPortal, Task<HardeningTenant>> Created = [];

    private HardeningTenant(NetworkPortal portal) => Portal = portal;

    public NetworkPortal Portal { get; }

    public TenantSettings Tenant { get; private set; } = null!;

    public string NetworkP { get; private set; } = "";

    public string NetworkQ { get; private set; } = "";

    /// <summary>A Network-visible note in Q: the member of P may not read it.</summary>
    public string NoteInQ { get; private set; } = "";

    /// <summary>A Tenant-visible article: everybody signed in may read it.</summary>
    public string TenantArticle { get; private set; } = "";

    public string EditorToken { get; private set; } = "";

    public string MemberToken { get; private set; } = "";

    public static Task<HardeningTenant> OfAsync(NetworkPortal portal)
    {
        lock (Created)
        {
            return Created.GetValue(portal, p => new HardeningTenant(p).CreateAsync());
        }
    }

    public HttpClient Editor() => Portal.TokenClient(EditorToken);

    public HttpClient Member() => Portal.TokenClient(MemberToken);

    /// <summary>Replaces an item's stored parts behind the content manager's back, as older code let them be stored.</summary>
    public Task StoreRawAsync(string contentItemId, string data) => Portal.InTenantAsync(Tenant, services =>
        services.GetRequiredService<PortalDbContext>().ContentItems
            .Where(r => r.ContentItemId == contentItemId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Data, data)));

    public async Task<ContentItem> PublishAsync(ContentItem item) => await Portal.PublishAsync(Tenant, item);

    private async Task<HardeningTenant> CreateAsync()
    {
        Tenant = (await Portal.Factory.Tenants.CreateAsync(new CreateTenantRequest("Gamma", "gamma", null, Portal.Factory.AppData.EmptyRecipe(),
            new SetupRequest("admin", "admin@gamma.test", NetworkPortal.Password)))).Tenant;
        NetworkP = (await PublishAsync(NetworkPortal.Item("Network", "Netværk P", "Om P", Visibility.Public))).ContentItemId;
        NetworkQ = (await PublishAsync(NetworkPortal.Item("Network", "Netværk Q", "Om Q", Visibility.Public))).ContentItemId;
        NoteInQ = (await PublishAsync(NetworkPortal.Item("MeetingNote", "Notat i Q", "Kun Q", Visibility.Network, NetworkQ))).ContentItemId;
        TenantArticle = (await PublishAsync(NetworkPortal.Item("KnowledgeArticle", "Intern artikel", "For alle", Visibility.Tenant))).ContentItemId;
        await Portal.CreateUserAsync(Tenant, "redaktoer", PortalRoles.Editor);
        await Portal.CreateUserAsync(Tenant, "medlem-p", PortalRoles.Member, (NetworkP, NetworkRoles.Member));
        EditorToken = await Portal.CreateTokenAsync(Tenant, "redaktoer");
        MemberToken = await Portal.CreateTokenAsync(Tenant, "medlem-p");
        return this;
    }
}
