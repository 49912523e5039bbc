using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Admin;

/// <summary>A network's coordinator (tovholder) manages its members from the members page; plain members cannot.</summary>
public sealed class NetworkMembersPageTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();
    private string _networkId = "";

    public async Task InitializeAsync()
    {
        _ = _portal.Server;
        await using var scope = Scope();
        var services = scope.ServiceProvider;
        _networkId = (await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Published))[0].ContentItemId;
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        foreach (var (name, role) in new[] { ("tovholder", NetworkRoles.Coordinator), ("deltager", NetworkRoles.Member), ("ny", "") })
        {
            var user = new PortalUser { UserName = name, Email = name + "@example.dk" };
            Assert.True((await users.CreateAsync(user, PortalTestHost.AdminPassword)).Succeeded);
            await users.AddToRoleAsync(user, PortalRoles.Member);
            if (role.Length > 0)
            {
                await services.GetRequiredService<NetworkMembers>().SetAsync(_networkId, user.Id, role);
            }
        }
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task A_coordinator_adds_a_member_and_makes_them_coordinator()
    {
        using var coordinator = await SignedInAsync("tovholder");
        var page = $"/admin/networks/{_networkId}/members";

        var added = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["userName"] = "ny", ["role"] = "member" });
        var promoted = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["userName"] = "ny", ["role"] = "coordinator" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("ny er nu tovholder i netværket.", WebUtility.HtmlDecode(await promoted.Content.ReadAsStringAsync()));
        Assert.Contains(await MembersAsync(), m => m.Role == NetworkRoles.Coordinator && m.UserName == "ny");
    }

    [Fact]
    public async Task A_plain_member_gets_404_and_changes_nothing()
    {
        using var member = await SignedInAsync("deltager");
        var page = $"/admin/networks/{_networkId}/members";

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(page)).StatusCode);
        var post = await member.SubmitAsync(page, new Dictionary<string, string> { ["userName"] = "ny", ["role"] = "coordinator" });

        // The page gave no form, so no antiforgery token either: refused one way or the other.
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, post.StatusCode.ToString());
        Assert.DoesNotContain(await MembersAsync(), m => m.UserName == "ny");
    }

    [Fact]
    public async Task An_unknown_user_name_is_refused_in_danish()
    {
        using var coordinator = await SignedInAsync("tovholder");

        var response = await coordinator.SubmitAsync($"/admin/networks/{_networkId}/members", new Dictionary<string, string> { ["userName"] = "findesikke", ["role"] = "member" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Der findes ingen bruger med brugernavnet 'findesikke'.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_page_and_its_messages_come_in_english()
    {
        using var coordinator = await SignedInAsync("tovholder");
        await coordinator.GetAsync("/sprog/en");
        var page = $"/admin/networks/{_networkId}/members";

        var html = WebUtility.HtmlDecode(await (await coordinator.GetAsync(page)).Content.ReadAsStringAsync());
        var promoted = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["userName"] = "ny", ["role"] = "coordinator" });

        Assert.Contains("<h1>Members: ", html, StringComparison.Ordinal);
        Assert.Contains("Add a member or change a role", html, StringComparison.Ordinal);
        Assert.Contains("ny is now coordinator in the network.", WebUtility.HtmlDecode(await promoted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_finds_the_members_page_from_a_networks_editor_and_only_there()
    {
        using var admin = await SignedInAsync("admin");
        string articleId;
        await using (var scope = Scope())
        {
            articleId = (await scope.ServiceProvider.GetRequiredService<ContentManager>().ListAsync("KnowledgeArticle", VersionOptions.Published))[0].ContentItemId;
        }

        var network = await (await admin.GetAsync($"/admin/content/{_networkId}")).Content.ReadAsStringAsync();
        var article = await (await admin.GetAsync($"/admin/content/{articleId}")).Content.ReadAsStringAsync();

        Assert.Contains($"<a href=\"/admin/networks/{_networkId}/members\">Medlemmer</a>", network, StringComparison.Ordinal);
        Assert.DoesNotContain("/members\"", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_reader_is_sent_to_sign_in()
    {
        using var anonymous = new BrowserlessSession(_portal);

        var response = await anonymous.GetAsync($"/admin/networks/{_networkId}/members");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("article")]
    [InlineData("..%2F..%2Fadmin")]
    [InlineData("long")]
    [InlineData("4x9k0000000000000000000000")]
    public async Task Ids_that_are_not_a_network_answer_404_even_to_an_administrator(string id)
    {
        using var admin = await SignedInAsync("admin");
        if (id == "article")
        {
            await using var scope = Scope();
            id = (await scope.ServiceProvider.GetRequiredService<ContentManager>().ListAsync("KnowledgeArticle", VersionOptions.Published))[0].ContentItemId;
        }
        else if (id == "long")
        {
            id = new string('a', 10_000);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/networks/{id}/members")).StatusCode);
    }

    [Fact]
    public async Task A_form_value_of_the_wrong_kind_is_a_400_and_changes_nothing()
    {
        using var coordinator = await SignedInAsync("tovholder");

        var response = await coordinator.SubmitAsync($"/admin/networks/{_networkId}/members",
            new Dictionary<string, string> { ["userName"] = "deltager", ["remove"] = "ja tak" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await MembersAsync(), m => m.UserName == "deltager");
    }

    private AsyncServiceScope Scope() => _portal.Services.GetRequiredService<TenantScopes>().Create(_portal.Store.Find("Default")!);

    private async Task<List<(string UserName, string Role)>> MembersAsync()
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = new List<(string, string)>();
        foreach (var member in await scope.ServiceProvider.GetRequiredService<NetworkMembers>().ListAsync(_networkId))
        {
            result.Add(((await users.FindByIdAsync(member.UserId))!.UserName!, member.Role));
        }

        return result;
    }

    private async Task<BrowserlessSession> SignedInAsync(string user)
    {
        var session = new BrowserlessSession(_portal);
        await session.SignInAsync(user, PortalTestHost.AdminPassword);
        return session;
    }
}
