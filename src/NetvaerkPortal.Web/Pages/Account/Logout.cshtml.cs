using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Web.Pages.Account;

/// <summary>Signing out revokes the session server-side (SessionCookieEvents), so a copy of the cookie is worthless too.</summary>
public sealed class LogoutModel(SignInManager<PortalUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(Url.Content("~/"));

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        await signIn.SignOutAsync();
        return LocalRedirect(ReturnUrls.Local(returnUrl, Request.PathBase) ?? Url.Content("~/"));
    }
}
