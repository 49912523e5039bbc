using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Display;

/// <summary>
/// Caches a page for anonymous readers only: everybody without a sign-in sees the same public content, so
/// one rendering serves them all. The key holds the tenant's content generation (<see cref="IndexingSignal"/>),
/// so a write on this node makes the next request render afresh; a write on another node as soon as its signal arrives
/// (Redis), else when this node's indexer finds it, and at the latest within the catch-up interval, which is how long an
/// entry lives. Entries live in memory, or in Redis when configured (<see cref="Nodes.DistributedPageStore"/>). Signed-in readers are never cached.
/// </summary>
public sealed class AnonymousPageCache : IOutputCachePolicy
{
    public const string PolicyName = "AnonymousPage";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = http.User.Identity?.IsAuthenticated != true
            && !http.Request.Headers.ContainsKey("Authorization")
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        if (!anonymous)
        {
            return ValueTask.CompletedTask;
        }

        var services = http.RequestServices;
        var tenant = services.GetRequiredService<TenantContext>().Name;
        var seconds = services.GetRequiredService<IConfiguration>().GetValue("Portal:Search:CatchUpSeconds", 5);
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 60));
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["tenant"] = tenant;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        // Generations are counted per node, so with a cache shared through Redis the node is part of the key.
        var signal = services.GetRequiredService<IndexingSignal>();
        context.CacheVaryByRules.VaryByValues["generation"] = signal.Node + ":" + signal.Generation(tenant).ToString(CultureInfo.InvariantCulture);
        context.Tags.Add("tenant:" + tenant);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Only a complete, successful page that hands nobody a cookie is shared.
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
