using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetvaerkPortal.Security;

/// <summary>Authenticates <c>Authorization: Bearer TOKEN</c> against the current tenant's personal access
/// tokens. The token is looked up in the tenant's own database, so one tenant's token means nothing to another.</summary>
public sealed class PersonalAccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenIdClaim = "netvaerk:token";

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerToken(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var services = Context.RequestServices;
        var record = await services.GetRequiredService<PersonalAccessTokens>().UseAsync(token, Context.RequestAborted);
        if (record is null)
        {
            return AuthenticateResult.Fail("The access token is unknown on this site, expired or revoked.");
        }

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(record.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The access token's user does not exist or is locked out.");
        }

        var signedIn = await services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        var identityOptions = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var identity = new ClaimsIdentity(signedIn.Claims, SchemeName, identityOptions.UserNameClaimType, identityOptions.RoleClaimType);
        identity.AddClaim(new Claim(TokenIdClaim, record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
