using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.PersonalData;

/// <summary>users delete on the command line: all of the member's account goes in one transaction, their writing
/// stays by "Tidligere medlem", and the last administrator is kept.</summary>
public sealed class UserDeleteCommandTests : IDisposable
{
    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Users_delete_removes_the_account_tokens_and_memberships_and_keeps_the_writing()
    {
        await RunAsync("tenants", "create", "Alfa", "--prefix", "alfa", "--recipe", "netvaerk-portal");
        var network = await _portal.InTenantAsync("Alfa", async services =>
            (await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Published))[0].ContentItemId);
        await RunAsync("users", "create", "--tenant", "Alfa", "--user", "mette", "--email", "mette@example.dk", "--password", "Langt-kodeord-1", "--network", network);
        await RunAsync("tokens", "create", "--tenant", "Alfa", "--user", "mette");
        var (userId, note) = await _portal.InTenantAsync("Alfa", async services =>
        {
            var user = (await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("mette"))!;
            var item = TestItems.Create("MeetingNote", "Mettes notat", "Referat", Visibility.Network, network);
            item.Owner = user.Id;
            item.Author = user.UserName!;
            await services.GetRequiredService<ContentManager>().PublishAsync(item);
            return (user.Id, item.ContentItemId);
        });

        var deleted = await _portal.RunAsync("users", "delete", "--tenant", "Alfa", "--user", "mette");

        Assert.True(deleted.ExitCode == 0, deleted.All);
        Assert.Contains("1 content item(s) kept", deleted.Output, StringComparison.Ordinal);
        var state = await _portal.InTenantAsync("Alfa", async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            return new
            {
                User = await services.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId),
                Tokens = await db.PersonalAccessTokens.CountAsync(t => t.UserId == userId),
                Memberships = await services.GetRequiredService<NetworkMembers>().ForUserAsync(userId),
                Note = await services.GetRequiredService<ContentManager>().GetAsync(note),
                Audit = await db.AuditEntries.Where(e => e.Action == AuditActions.UserDeleted).ToListAsync(),
            };
        });
        Assert.Null(state.User);
        Assert.Equal(0, state.Tokens);
        Assert.Empty(state.Memberships);
        Assert.Equal((MemberDeletion.FormerMember, MemberDeletion.FormerMember), (state.Note!.Owner, state.Note.Author));
        var entry = Assert.Single(state.Audit);
        Assert.Equal(("mette", AuditOrigin.CommandLine.Actor, AuditOrigin.CommandLine.Address), (entry.Target, entry.Actor, entry.Address));
    }

    [Fact]
    public async Task The_last_administrator_and_an_unknown_user_are_refused_and_nothing_changes()
    {
        await RunAsync("tenants", "create", "Alfa", "--prefix", "alfa", "--recipe", "netvaerk-portal");

        var lastAdmin = await _portal.RunAsync("users", "delete", "--tenant", "Alfa", "--user", "admin");
        var unknown = await _portal.RunAsync("users", "delete", "--tenant", "Alfa", "--user", "findes-ikke");

        Assert.Equal(1, lastAdmin.ExitCode);
        Assert.Contains("last administrator", lastAdmin.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no user 'findes-ikke'", unknown.Error, StringComparison.Ordinal);
        var (admin, audit) = await _portal.InTenantAsync("Alfa", async services => (
            await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("admin"),
            await services.GetRequiredService<PortalDbContext>().AuditEntries.CountAsync(e => e.Action == AuditActions.UserDeleted)));
        Assert.NotNull(admin);
        Assert.Equal(0, audit);

        // With a second administrator who can sign in, the first may go.
        await RunAsync("users", "create", "--tenant", "Alfa", "--user", "chef", "--email", "chef@example.dk", "--password", "Langt-kodeord-1", "--role", "Administrator");
        Assert.Equal(0, (await _portal.RunAsync("users", "delete", "--tenant", "Alfa", "--user", "admin")).ExitCode);
    }

    private async Task RunAsync(params string[] args)
    {
        var result = await _portal.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.All);
    }
}
