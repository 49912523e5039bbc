using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Security;

/// <summary>Stamps each sign-in with its tenant, so a ticket presented to another tenant is refused
/// even if someone copies the cookie across.</summary>
public sealed class TenantClaimsPrincipalFactory(
    UserManager<PortalUser> users,
    RoleManager<PortalRole> roles,
    IOptions<IdentityOptions> options,
    TenantContext tenant)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(users, roles, options)
{
    public const string TenantClaim = "netvaerk:tenant";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TenantClaim, tenant.Name));
        return identity;
    }
}
