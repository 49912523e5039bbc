using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Account;

/// <summary>Server-side sessions: a lock, a role change, a membership change, a password change and a logout
/// count on the very next request of a cookie that was issued before.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class SessionTests(NetworkPortal portal)
{
    [Fact]
    public async Task A_locked_editors_cookie_and_token_stop_at_the_next_request()
    {
        var id = await portal.CreateUserAsync(portal.Alfa, "laast-redaktoer", PortalRoles.Editor);
        var token = await portal.CreateTokenAsync(portal.Alfa, "laast-redaktoer");
        using var editor = new CookieClient(portal.Factory, await portal.SignInAsync("alfa", "laast-redaktoer"));
        using var tokenClient = portal.TokenClient(token);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/alfa/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/alfa/api/content/{portal.NetworkXItem.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tokenClient.GetAsync(new Uri($"/alfa/api/content/{portal.TenantItem.Id}", UriKind.Relative))).StatusCode);

        await AsAdministratorAsync(admin => admin.SubmitAsync("/admin/users", new Dictionary<string, string> { ["id"] = id, ["locked"] = "true" }, "/admin/users?handler=Lock"));

        var page = await editor.GetAsync("/alfa/admin");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/alfa/api/content/{portal.NetworkXItem.Id}")).StatusCode);
        var write = await editor.PostJsonAsync("alfa", "/alfa/api/content",
            """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Skrevet af en låst 7117"}, "VisibilityPart": {"Visibility": "Public"}}""");
        Assert.NotEqual(HttpStatusCode.Created, write.StatusCode);
        Assert.Equal(0, await CountTitledAsync("Skrevet af en låst 7117"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await tokenClient.GetAsync(new Uri($"/alfa/api/content/{portal.TenantItem.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Unlocking_does_not_bring_back_a_cookie_from_before_the_lock()
    {
        var id = await portal.CreateUserAsync(portal.Alfa, "laast-og-oplaast", PortalRoles.Member);
        using var member = new CookieClient(portal.Factory, await portal.SignInAsync("alfa", "laast-og-oplaast"));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/alfa/account/password")).StatusCode);

        await AsAdministratorAsync(async admin =>
        {
            await admin.SubmitAsync("/admin/users", new Dictionary<string, string> { ["id"] = id, ["locked"] = "true" }, "/admin/users?handler=Lock");
            return await admin.SubmitAsync("/admin/users", new Dictionary<string, string> { ["id"] = id, ["locked"] = "false" }, "/admin/users?handler=Lock");
        });

        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/alfa/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.PostLoginAsync("alfa", "laast-og-oplaast", NetworkPortal.Password)).StatusCode);
    }

    [Fact]
    public async Task An_editor_made_member_loses_the_admin_at_the_next_request_but_stays_signed_in()
    {
        var id = await portal.CreateUserAsync(portal.Alfa, "tidligere-redaktoer", PortalRoles.Editor);
        using var editor = new CookieClient(portal.Factory, await portal.SignInAsync("alfa", "tidligere-redaktoer"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/alfa/admin")).StatusCode);

        var changed = await AsAdministratorAsync(admin => admin.SubmitAsync("/admin/users", new Dictionary<string, string> { ["id"] = id, ["role"] = PortalRoles.Member }, "/admin/users?handler=Role"));

        Assert.Contains("tidligere-redaktoer har nu rollen Medlem.", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var admin = await editor.GetAsync("/alfa/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/account/denied", admin.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/alfa/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/alfa/api/content/{portal.NetworkXItem.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_role()
    {
        var adminId = await portal.InTenantAsync(portal.Alfa, async services => (await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("admin"))!.Id);

        var refused = await AsAdministratorAsync(admin => admin.SubmitAsync("/admin/users", new Dictionary<string, string> { ["id"] = adminId, ["role"] = PortalRoles.Member }, "/admin/users?handler=Role"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Du kan ikke ændre din egen rolle.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client(ReaderKind.Administrator).GetAsync(new Uri("/alfa/admin/users", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_member_taken_out_of_a_network_no_longer_reads_its_notes()
    {
        var id = await portal.CreateUserAsync(portal.Alfa, "udmeldt-medlem", PortalRoles.Member, (portal.NetworkX, NetworkRoles.Member));
        using var member = new CookieClient(portal.Factory, await portal.SignInAsync("alfa", "udmeldt-medlem"));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/alfa/api/content/{portal.NetworkXItem.Id}")).StatusCode);

        await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<NetworkMembers>().RemoveAsync(portal.NetworkX, id));

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/alfa/api/content/{portal.NetworkXItem.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/alfa/api/content/{portal.TenantItem.Id}")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_session_of_the_user()
    {
        await portal.CreateUserAsync(portal.Alfa, "skifter-kode", PortalRoles.Member);
        using var elsewhere = new CookieClient(portal.Factory, await portal.SignInAsync("alfa", "skifter-kode"));
        using var here = new BrowserlessSession(portal.Factory, "/alfa");
        await here.SignInAsync("skifter-kode", NetworkPortal.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/alfa/account/password")).StatusCode);

        var changed = await here.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["currentPassword"] = NetworkPortal.Password,
            ["newPassword"] = "Helt-nyt-kodeord-7",
            ["confirmPassword"] = "Helt-nyt-kodeord-7",
        });

        Assert.Contains("Din adgangskode er skiftet.", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/alfa/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/password")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_after_it()
    {
        await portal.CreateUserAsync(portal.Alfa, "logger-ud", PortalRoles.Editor);
        using var browser = new CookieClient(portal.Factory, await portal.SignInAsync("alfa", "logger-ud"));
        using var copy = new CookieClient(portal.Factory, browser.Cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/alfa/admin")).StatusCode);

        var logout = await browser.SubmitAsync("/alfa/account/password", "/alfa/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replayed = await copy.GetAsync("/alfa/admin");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/account/login", replayed.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await copy.GetAsync($"/alfa/api/content/{portal.TenantItem.Id}")).StatusCode);
        var write = await copy.PostJsonAsync("alfa", "/alfa/api/content", """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Efter logud 8118"}}""");
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Fact]
    public async Task Signing_in_again_ends_the_session_the_browser_had_and_keeps_one_row_per_live_session()
    {
        var id = await portal.CreateUserAsync(portal.Alfa, "to-gange", PortalRoles.Member);
        var first = await portal.SignInAsync("alfa", "to-gange");
        await portal.SignInAsync("alfa", "to-gange");
        using var old = new CookieClient(portal.Factory, first);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/alfa/account/password")).StatusCode);

        // The same browser signs in again over its live cookie: that cookie's session ends.
        var again = await old.SubmitAsync("/alfa/account/login", "/alfa/account/login", new Dictionary<string, string> { ["UserName"] = "to-gange", ["Password"] = NetworkPortal.Password });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await old.GetAsync("/alfa/account/password")).StatusCode);
        var live = await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<UserSessions>().CountLiveAsync(id));
        Assert.Equal(2, live);
    }

    private async Task<HttpResponseMessage> AsAdministratorAsync(Func<BrowserlessSession, Task<HttpResponseMessage>> work)
    {
        using var admin = new BrowserlessSession(portal.Factory, "/alfa");
        await admin.SignInAsync("admin", NetworkPortal.Password);
        var response = await work(admin);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.BadRequest, $"The admin page answered {(int)response.StatusCode}.");
        return response;
    }

    private Task<int> CountTitledAsync(string title) =>
        portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<PortalDbContext>().ContentItems.CountAsync(i => i.DisplayText == title));
}
