using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Networks.Security;

/// <summary>The reader of the current request, resolved once per scope: the signed-in user (by cookie or
/// access token) of this tenant, their roles and network memberships, read from the tenant's database
/// so that a removed user, role or membership counts at once. Outside a request (command line, indexer)
/// the reader is anonymous.</summary>
/// <remarks>A resolved reader is kept briefly per user and security stamp: every request has its stamp checked against
/// the database first (the session check, or the token's fresh principal), and every change of role or membership
/// gives a new stamp, so a kept reader is never one the user has lost.</remarks>
public sealed class NetworkReaderContext(
    IHttpContextAccessor http,
    UserManager<PortalUser> users,
    NetworkMembers members,
    TenantContext tenant,
    IMemoryCache cache,
    IOptions<IdentityOptions> identity) : IReaderContext
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    private ReaderAccess? _access;

    public async Task<Reader> GetReaderAsync(CancellationToken cancellationToken = default) =>
        (await GetAccessAsync(cancellationToken)).Reader;

    public async Task<ReaderAccess> GetAccessAsync(CancellationToken cancellationToken = default) =>
        _access ??= await CachedAsync(http.HttpContext?.User, cancellationToken);

    private async Task<ReaderAccess> CachedAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        var stamp = principal?.Identity?.IsAuthenticated == true ? principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) : null;
        var userId = stamp is null ? null : users.GetUserId(principal!);
        if (stamp is null || userId is null)
        {
            return await ResolveAsync(principal, cancellationToken);
        }

        var key = (typeof(ReaderAccess), tenant.Name, userId, stamp);
        if (cache.TryGetValue(key, out ReaderAccess? kept) && kept is not null)
        {
            return kept;
        }

        var access = await ResolveAsync(principal, cancellationToken);
        cache.Set(key, access, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeepFor, Size = 1 });
        return access;
    }

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
