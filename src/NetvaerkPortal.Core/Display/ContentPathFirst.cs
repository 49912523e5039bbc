using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Display;

/// <summary>Endpoint metadata: this built-in page steps aside when the tenant has published a content item at
/// <paramref name="Path"/>; the item's page (a module's catch-all route) answers instead. A literal route beats a
/// catch-all in ASP.NET's routing, so without this an organisation could never replace a built-in page with its own.</summary>
public sealed record ContentPathFirst(string Path);

/// <summary>Sets <see cref="ContentPathFirst"/> endpoints invalid while a published item holds their path and another
/// route (the item pages) matches too; one indexed query, only on requests to such a path.</summary>
public sealed class ContentPathFirstPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // After the HTTP method policy, so only endpoints that could answer are looked at.
    public override int Order => 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<ContentPathFirst>() is not null);

    public async Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i) || candidates[i].Endpoint.Metadata.GetMetadata<ContentPathFirst>() is not { } first || !AnotherValid(candidates, i))
            {
                continue;
            }

            if (httpContext.RequestServices.GetService<TenantContext>() is { IsResolved: true }
                && await httpContext.RequestServices.GetRequiredService<PortalDbContext>().AutorouteIndex.AsNoTracking()
                    .AnyAsync(r => r.Path == first.Path && r.Published, httpContext.RequestAborted))
            {
                candidates.SetValidity(i, false);
            }
        }
    }

    private static bool AnotherValid(CandidateSet candidates, int except)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i != except && candidates.IsValidCandidate(i))
            {
                return true;
            }
        }

        return false;
    }
}
