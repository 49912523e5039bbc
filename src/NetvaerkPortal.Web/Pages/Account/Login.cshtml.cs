using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Security;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Account;

public sealed class LoginModel(SignInManager<PortalUser> signIn, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName, Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (Url.IsLocalUrl(ReturnUrl))
            {
                return LocalRedirect(ReturnUrl);
            }

            // Members read on the front page; the admin is for editors and administrators.
            var user = await signIn.UserManager.FindByNameAsync(UserName);
            var editor = user is not null && (await signIn.UserManager.IsInRoleAsync(user, PortalRoles.Editor) || await signIn.UserManager.IsInRoleAsync(user, PortalRoles.Administrator));
            return LocalRedirect(Url.Content(editor ? "~/admin" : "~/"));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Error = result.IsLockedOut
            ? text["Kontoen er låst efter for mange forsøg. Prøv igen om {0} minutter.", 15]
            : text["Forkert brugernavn eller adgangskode."];
        return Page();
    }
}
