using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Admin.Users;

/// <summary>An administrator deletes a user after confirming: tokens, memberships and the account go, what the
/// user wrote stays by "Tidligere medlem". Nobody deletes themselves, and the last administrator stays.</summary>
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed class DeleteModel(UserManager<PortalUser> users, MemberDeletion deletion, IStringLocalizer<UiText> text) : PageModel
{
    public PortalUser? Member { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Member = await users.FindByIdAsync(id);
        return Member is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        Member = await users.FindByIdAsync(id);
        if (Member is null)
        {
            return NotFound();
        }

        try
        {
            var deleted = await deletion.DeleteAsync(Member, users.GetUserId(User), cancellationToken);
            Message = text["Brugeren {0} er slettet. {1} indholdselementer er bevaret med forfatteren »{2}«.", deleted.UserName, deleted.Items, MemberDeletion.FormerMember];
            Member = null;
        }
        catch (MemberDeletionException error)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = text[error.Template, error.Arguments];
            Member = null;
        }

        return Page();
    }
}
