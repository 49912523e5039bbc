using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Security;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Account;

/// <summary>A signed-in user changes their own password; every other session of theirs ends on its next request
/// (whoever else held a cookie is out), and this browser gets a fresh session.</summary>
[Authorize]
public sealed class PasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, UserSessions sessions, IStringLocalizer<UiText> text) : PageModel
{
    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string currentPassword, string newPassword, string confirmPassword)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (newPassword != confirmPassword)
        {
            Errors.Add(text["De to nye adgangskoder er ikke ens."]);
        }
        else
        {
            var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? "");
            if (result.Succeeded)
            {
                await sessions.RevokeAllAsync(user.Id, exceptSessionId: User.FindFirst(UserSessions.SessionClaim)?.Value);
                await signIn.RefreshSignInAsync(user);
                Message = text["Din adgangskode er skiftet."];
                return Page();
            }

            Errors.AddRange(result.Errors.Select(e => e.Code == "PasswordMismatch" ? text["Den nuværende adgangskode er forkert."].Value : e.Description));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
