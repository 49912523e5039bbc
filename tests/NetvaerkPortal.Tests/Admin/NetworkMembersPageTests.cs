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
