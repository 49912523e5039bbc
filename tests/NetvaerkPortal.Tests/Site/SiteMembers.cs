using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Site;

/// <summary>What the site tests build on the shared networks portal (tenant Alfa at /alfa): their own networks and
/// members, signed in as a browser would be, so that what one test writes never changes another's.</summary>
internal sealed class SiteMembers(NetworkPortal portal)
{
    public const string Base = "/alfa";

    public NetworkPortal Portal => portal;

    public async Task<(string Id, string Path)> NetworkAsync(string title)
    {
        var network = await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("Network", title, "Om " + title, Visibility.Public));
        return (network.ContentItemId, (await LatestAsync(network.ContentItemId))!.Text("AutoroutePart", "Path")!);
    }

    /// <summary>A new user, member (or coordinator) of the networks, signed in.</summary>
    public async Task<BrowserlessSession> MemberAsync(string role, params (string Network, string Role)[] memberships)
    {
        var name = "m" + Guid.NewGuid().ToString("N")[..10];
        await portal.CreateUserAsync(portal.Alfa, name, role, memberships);
        var session = new BrowserlessSession(portal.Factory, Base);
        await session.SignInAsync(name, NetworkPortal.Password);
        return session;
    }

    public Task<BrowserlessSession> MemberOfAsync(string networkId, string role = NetworkRoles.Member) =>
        MemberAsync(PortalRoles.Member, (networkId, role));

    public BrowserlessSession Anonymous() => new(portal.Factory, Base);

    public Task<ContentItem?> LatestAsync(string id) => portal.InTenantAsync(portal.Alfa, s => s.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest));

    public Task<ContentItem?> PublishedAsync(string id) => portal.InTenantAsync(portal.Alfa, s => s.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Published));

    public Task<IReadOnlyList<ContentItem>> VersionsAsync(string id) => portal.InTenantAsync(portal.Alfa, s => s.GetRequiredService<ContentManager>().ListVersionsAsync(id));

    /// <summary>Every item of the type whose latest title is <paramref name="title"/>.</summary>
    public async Task<IReadOnlyList<ContentItem>> FindAsync(string type, string title) =>
        (await portal.InTenantAsync(portal.Alfa, s => s.GetRequiredService<ContentManager>().ListAsync(type, VersionOptions.Latest, 0, 1000)))
        .Where(i => i.DisplayText == title).ToList();

    public static async Task<string> PageAsync(BrowserlessSession session, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await session.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A redirect's target as a path under the tenant (without its /alfa prefix).</summary>
    public static string Target(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.OriginalString;
        Assert.StartsWith(Base + "/", location, StringComparison.Ordinal);
        return location[Base.Length..];
    }

    /// <summary>Fills the write form at <paramref name="formPath"/> as a browser would (its own values and token), with
    /// <paramref name="changes"/> typed in, and presses the button <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(BrowserlessSession session, string formPath, string action, IReadOnlyDictionary<string, string> changes)
    {
        var html = await PageAsync(session, formPath);
        var fields = HtmlForms.Fields(html, "/indhold/");
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        fields["action"] = action;
        return await session.PostAsync(FormAction(html), fields);
    }

    private static string FormAction(string html)
    {
        var action = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Forms.First(f => (f.GetAttribute("action") ?? "").Contains("/indhold/", StringComparison.Ordinal)).GetAttribute("action")!;
        return action.StartsWith(Base, StringComparison.Ordinal) ? action[Base.Length..] : action;
    }
}
