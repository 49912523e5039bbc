using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.PersonalData;

public sealed record MemberDeleted(string UserName, int Items, int Tokens);

/// <summary>Deletes a member (GDPR art. 17) in one transaction: their tokens, their memberships and what the
/// modules hold about them, and the Identity user (a new security stamp first, so a session that outlives
/// the user is refused at its next validation). What they wrote stays, with Owner and Author set to
/// <see cref="FormerMember"/> in every version, so no page, API or export names them again.</summary>
public sealed class MemberDeletion(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IEnumerable<IPersonalDataHandler> handlers,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>The author shown for content of a deleted member. It has a space, so no user name can equal it.</summary>
    public const string FormerMember = "Tidligere medlem";

    /// <param name="actingUserId">The administrator who deletes (null on the command line); nobody deletes themselves.</param>
    /// <exception cref="MemberDeletionException">Deleting this user is refused; nothing was changed.</exception>
    public async Task<MemberDeleted> DeleteAsync(PortalUser user, string? actingUserId, CancellationToken cancellationToken = default)
    {
        var subject = new PersonalDataSubject(user.Id, user.UserName ?? "");
        if (user.Id == actingUserId)
        {
            throw new MemberDeletionException("You cannot delete your own account. Ask another administrator to do it.");
        }

        // Checked inside the transaction: two administrators deleting each other cannot both succeed.
        return await db.InTransactionAsync(async () =>
        {
            await RefuseLastAdministratorAsync(user);
            var items = await db.ContentItems.Where(r => r.Owner == subject.UserId || r.Owner == subject.UserName || r.Author == subject.UserName)
                .Select(r => r.ContentItemId).Distinct().CountAsync(cancellationToken);
            await db.ContentItems.Where(r => r.Owner == subject.UserId || r.Owner == subject.UserName)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Owner, FormerMember), cancellationToken);
            await db.ContentItems.Where(r => r.Author == subject.UserName)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Author, FormerMember), cancellationToken);
            var tokens = await db.PersonalAccessTokens.Where(t => t.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
            foreach (var handler in handlers)
            {
                await handler.DeleteAsync(subject, cancellationToken);
            }

            Check(await users.UpdateSecurityStampAsync(user), subject.UserName);
            audit.Record(AuditActions.UserDeleted, subject.UserName, $"{items} indholdselementer beholdt som »{FormerMember}«, {tokens} adgangsnøgler slettet");
            Check(await users.DeleteAsync(user), subject.UserName);
            return new MemberDeleted(subject.UserName, items, tokens);
        }, cancellationToken);
    }

    /// <summary>An administrator may be deleted only while another one who can sign in (not locked) remains.</summary>
    private async Task RefuseLastAdministratorAsync(PortalUser user)
    {
        if (!await users.IsInRoleAsync(user, PortalRoles.Administrator))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var others = (await users.GetUsersInRoleAsync(PortalRoles.Administrator))
            .Where(u => u.Id != user.Id && !(u.LockoutEnd > now));
        if (!others.Any())
        {
            throw new MemberDeletionException("'{0}' is the last administrator who can sign in and cannot be deleted. Make another user administrator first.", user.UserName ?? "");
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new MemberDeletionException("The user '{0}' could not be deleted: {1} Nothing was changed.", userName, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A member cannot be deleted; the message is English (command line), the admin shows it translated.</summary>
public sealed class MemberDeletionException(string template, params object[] arguments) : TranslatableException(template, arguments);
