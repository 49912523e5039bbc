using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Account;

/// <summary>Sign-in with user name and password. Wrong passwords slow the client down (429 + Retry-After),
/// never lock the account, and read the same for real and unknown accounts.</summary>
[EnableRateLimiting(SignInThrottle.PolicyName)]
public sealed class LoginModel(
    SignInManager<PortalUser> signIn,
    PasswordSignIn passwords,
    SignInThrottle throttle,
    TenantContext tenant,
    IStringLocalizer<UiText> text) : PageModel
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

    public void OnGet() => ReturnUrl = ReturnUrls.Local(ReturnUrl, Request.PathBase);

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = ReturnUrls.Local(ReturnUrl, Request.PathBase);
        var account = UserName ?? "";
        var address = HttpContext.Connection.RemoteIpAddress;
        if ((HttpContext.Items[SignInThrottle.RejectedItem] as TimeSpan? ?? throttle.RetryAfter(tenant.Name, address, account)) is { } wait)
        {
            return TooManyAttempts(wait);
        }

        var (outcome, user) = await passwords.CheckAsync(account, Password ?? "");
        if (outcome == PasswordSignIn.Outcome.Succeeded)
        {
            throttle.Succeeded(tenant.Name, address, account);
            await signIn.SignInAsync(user!, RememberMe, authenticationMethod: "pwd");
            if (ReturnUrl is not null)
            {
                return LocalRedirect(ReturnUrl);
            }

            // Members read on the front page; the admin is for editors and administrators.
            var editor = await signIn.UserManager.IsInRoleAsync(user!, PortalRoles.Editor) || await signIn.UserManager.IsInRoleAsync(user!, PortalRoles.Administrator);
            return LocalRedirect(Url.Content(editor ? "~/admin" : "~/"));
        }

        if (outcome == PasswordSignIn.Outcome.Wrong)
        {
            throttle.Failed(tenant.Name, address, account);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Error = outcome == PasswordSignIn.Outcome.Locked
            ? text["Kontoen er låst af en administrator. Kontakt en administrator i din organisation."]
            : text["Forkert brugernavn eller adgangskode."];
        return Page();
    }

    private PageResult TooManyAttempts(TimeSpan wait)
    {
        SignInRateLimiting.TooManyRequests(Response, wait);
        Error = wait > TimeSpan.FromSeconds(90)
            ? text["For mange forsøg. Vent {0} minutter, og prøv igen.", (int)Math.Ceiling(wait.TotalMinutes)]
            : text["For mange forsøg. Vent {0} sekunder, og prøv igen.", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))];
        return Page();
    }
}
