using Microsoft.AspNetCore.Http;
using NetvaerkPortal.Security;

namespace Netvaerk.Search.Lucene.Security;

/// <summary>The reader from the sign-in alone, until the Networks module's IReaderContext (which knows
/// memberships) is there: anonymous, everything for Administrators and Editors, else signed in without networks.</summary>
/// <remarks>Registered with TryAdd, so the Networks module's implementation wins whenever it is present.</remarks>
public sealed class RoleReaderContext(IHttpContextAccessor http) : IReaderContext
{
    public Task<Reader> GetReaderAsync(CancellationToken cancellationToken = default)
    {
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Task.FromResult(Reader.Anonymous);
        }

        var id = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name ?? "user";
        var everything = user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor);
        return Task.FromResult(new Reader(id, everything, new HashSet<string>()));
    }
}
