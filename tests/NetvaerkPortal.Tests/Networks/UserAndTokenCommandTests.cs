using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>users create, tokens create and tokens revoke on the command line, as an administrator would use them.</summary>
public sealed class UserAndTokenCommandTests : IDisposable
{
    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Users_get_roles_and_memberships_and_tokens_that_can_be_revoked()
    {
        await CreateTenantAsync();
        var network = await NetworkIdAsync();

        var created = await _portal.RunAsync("users", "create", "--tenant", "Alfa", "--user", "mette", "--email", "mette@example.dk",
            "--password", "Langt-kodeord-1", "--role", "member", "--network", network);
        var token = await _portal.RunAsync("tokens", "create", "--tenant", "Alfa", "--user", "mette", "--name", "script");

        Assert.True(created.ExitCode == 0, created.All);
        Assert.True(token.ExitCode == 0, token.All);
        var printed = token.Output.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith(PersonalAccessTokens.Prefix, printed, StringComparison.Ordinal);
        var (roles, memberships, active) = await StateAsync("mette", printed);
        Assert.Equal(["Member"], roles);
        Assert.Equal([(network, NetworkRoles.Member)], memberships);
        Assert.True(active);

        var revoked = await _portal.RunAsync("tokens", "revoke", "--tenant", "Alfa", "--user", "mette");

        Assert.True(revoked.ExitCode == 0, revoked.All);
        Assert.False((await StateAsync("mette", printed)).Active);
    }

    [Fact]
    public async Task A_user_with_an_unknown_network_or_role_or_a_weak_password_is_not_created_at_all()
    {
        await CreateTenantAsync();

        var unknownNetwork = await _portal.RunAsync("users", "create", "--tenant", "Alfa", "--user", "ole", "--email", "ole@example.dk", "--password", "Langt-kodeord-1", "--network", "findes-ikke");
        var unknownRole = await _portal.RunAsync("users", "create", "--tenant", "Alfa", "--user", "ole", "--email", "ole@example.dk", "--password", "Langt-kodeord-1", "--role", "Konge");
        var weak = await _portal.RunAsync("users", "create", "--tenant", "Alfa", "--user", "ole", "--email", "ole@example.dk", "--password", "kort");

        Assert.Equal(1, unknownNetwork.ExitCode);
        Assert.Contains("findes-ikke", unknownNetwork.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknownRole.ExitCode);
        Assert.Contains("Konge", unknownRole.Error, StringComparison.Ordinal);
        Assert.Equal(1, weak.ExitCode);
        Assert.Single(weak.Error.Trim().Split('\n'));
        Assert.Null(await _portal.InTenantAsync("Alfa", services => services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("ole")));
    }

    [Fact]
    public async Task A_single_token_is_revoked_by_id_and_an_unknown_id_is_an_error()
    {
        await CreateTenantAsync();
        var first = (await _portal.RunAsync("tokens", "create", "--tenant", "Alfa", "--user", "admin")).Output.TrimEnd().Split('\n')[^1].Trim();
        var second = (await _portal.RunAsync("tokens", "create", "--tenant", "Alfa", "--user", "admin")).Output.TrimEnd().Split('\n')[^1].Trim();
        var id = await _portal.InTenantAsync("Alfa", services =>
            services.GetRequiredService<PortalDbContext>().PersonalAccessTokens.Where(t => t.TokenHash == PersonalAccessTokens.Hash(first)).Select(t => t.Id).SingleAsync());

        var revoked = await _portal.RunAsync("tokens", "revoke", "--tenant", "Alfa", "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var unknown = await _portal.RunAsync("tokens", "revoke", "--tenant", "Alfa", "--id", "999");

        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.False((await StateAsync("admin", first)).Active);
        Assert.True((await StateAsync("admin", second)).Active);
    }

    private async Task CreateTenantAsync()
    {
        var result = await _portal.RunAsync("tenants", "create", "Alfa", "--prefix", "alfa", "--recipe", "netvaerk-portal");
        Assert.True(result.ExitCode == 0, result.All);
    }

    private Task<string> NetworkIdAsync() => _portal.InTenantAsync("Alfa", async services =>
        (await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Published))[0].ContentItemId);

    private Task<(string[] Roles, (string, string)[] Memberships, bool Active)> StateAsync(string userName, string token) => _portal.InTenantAsync("Alfa", async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        var memberships = await services.GetRequiredService<NetworkMembers>().ForUserAsync(user.Id);
        var stored = await services.GetRequiredService<PortalDbContext>().PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.TokenHash == PersonalAccessTokens.Hash(token));
        return ((await users.GetRolesAsync(user)).ToArray(), memberships.Select(m => (m.NetworkContentItemId, m.Role)).ToArray(), stored.IsActive(DateTime.UtcNow));
    });
}
