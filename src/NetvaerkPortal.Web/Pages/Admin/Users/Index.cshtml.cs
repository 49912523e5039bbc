using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Admin.Users;

/// <summary>The tenant's users: Administrators create users, set their role and lock or unlock them. A lock or a
/// role change counts on the user's next request (UserSessions); a lock also ends every session of theirs.</summary>
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed class IndexModel(UserManager<PortalUser> users, UserSessions sessions, PortalDbContext db, IStringLocalizer<UiText> text, AuditLog audit) : PageModel
{
    public IReadOnlyList<(PortalUser User, IList<string> Roles)> Users { get; private set; } = [];

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var role = PortalRoles.All.FirstOrDefault(r => r == Input.Role);
        if (role is null)
        {
            Errors.Add(text["Vælg en rolle."]);
        }
        else
        {
            var user = new PortalUser { UserName = Input.UserName.Trim(), Email = Input.Email.Trim(), EmailConfirmed = true };
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                audit.Record(AuditActions.UserCreated, user.UserName!, "rolle " + role); // saved with the role
                await users.AddToRoleAsync(user, role);
                Message = text["Brugeren {0} er oprettet.", user.UserName];
                Input = new CreateInput();
            }
            else
            {
                Errors.AddRange(created.Errors.Select(e => e.Description));
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            Refuse(text["Du kan ikke låse din egen konto."]);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await users.SetLockoutEnabledAsync(user, true);
            audit.Record(locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, user.UserName!); // saved with the lockout
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            await sessions.UserChangedAsync(user.Id);
            if (locked)
            {
                // Unlocking later must not bring back a cookie that was out there when the lock came.
                await sessions.RevokeAllAsync(user.Id);
            }

            await transaction.CommitAsync();
            Message = locked ? text["{0} er låst.", user.UserName!] : text["{0} er låst op.", user.UserName!];
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var chosen = PortalRoles.All.FirstOrDefault(r => r == role);
        if (chosen is null)
        {
            Refuse(text["Vælg en rolle."]);
        }
        else if (user.Id == users.GetUserId(User))
        {
            // Also keeps the last administrator from demoting themselves out of the admin.
            Refuse(text["Du kan ikke ændre din egen rolle."]);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var current = await users.GetRolesAsync(user);
            if (current.Count != 1 || current[0] != chosen)
            {
                // Staged here, saved by the role change below, inside the same transaction.
                audit.Record(AuditActions.UserRolesChanged, user.UserName!, $"{string.Join(", ", current)} → {chosen}");
            }

            Check(await users.RemoveFromRolesAsync(user, current.Where(r => r != chosen)));
            if (!current.Contains(chosen))
            {
                Check(await users.AddToRoleAsync(user, chosen));
            }

            await sessions.UserChangedAsync(user.Id);
            await transaction.CommitAsync();
            Message = text["{0} har nu rollen {1}.", user.UserName!, text[chosen].Value];
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var list = new List<(PortalUser, IList<string>)>();
        // Sorted by the database, the Danish way on either engine (Ærø after Zealand), so the first 500 are the right ones.
        foreach (var user in await users.Users.OrderByDanish(db, u => u.UserName!).ThenBy(u => u.Id).Take(500).ToListAsync())
        {
            list.Add((user, await users.GetRolesAsync(user)));
        }

        Users = list;
    }

    private void Refuse(string error)
    {
        Errors.Add(error);
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public sealed class CreateInput
    {
        public string UserName { get; set; } = "";

        public string Email { get; set; } = "";

        public string Password { get; set; } = "";

        public string Role { get; set; } = PortalRoles.Member;
    }
}
