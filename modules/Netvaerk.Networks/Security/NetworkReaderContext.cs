using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Networks.Security;

/// <summary>The reader of the current request, resolved once per scope: the signed-in user (by cookie or
/// access token) of this tenant, their roles and network memberships, read from the tenant's database
/// so that a removed user, role or membership counts at once. Outside a request (command line, indexer)
/// the reader is anonymous.</summary>
public sealed class NetworkReaderContext(
    IHttpContextAccessor http,
    UserManager<PortalUser> users,
    NetworkMembers members,
    TenantContext tenant) : IReaderContext
{
    private ReaderAccess? _access;

    public async Task<Reader> GetReaderAsync(CancellationToken cancellationToken = default) =>
        (await GetAccessAsync(cancellationToken)).Reader;

    public async Task<ReaderAccess> GetAccessAsync(CancellationToken cancellationToken = default) =>
        _access ??= await ResolveAsync(http.HttpContext?.User, cancellationToken);

    private async Task<ReaderAccess> ResolveAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        // Belt and braces: the cookie handler already refuses a ticket stamped for another tenant.
        if (principal?.Identity?.IsAuthenticated != true
            || principal.FindFirstValue(TenantClaimsPrincipalFactory.TenantClaim) != tenant.Name
            || users.GetUserId(principal) is not { } userId
            || await users.FindByIdAsync(userId) is not { } user)
        {
            return ReaderAccess.Anonymous;
        }

        var roles = await users.GetRolesAsync(user);
        var memberships = await members.ForUserAsync(user.Id, cancellationToken);
        var canReadEverything = roles.Contains(PortalRoles.Administrator) || roles.Contains(PortalRoles.Editor);
        var reader = new Reader(user.Id, canReadEverything, memberships.Select(m => m.NetworkContentItemId).ToHashSet(StringComparer.Ordinal));
        var coordinates = memberships.Where(m => m.Role == NetworkRoles.Coordinator).Select(m => m.NetworkContentItemId).ToHashSet(StringComparer.Ordinal);
        return new ReaderAccess(reader, user.UserName, coordinates);
    }
}
