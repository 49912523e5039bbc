using Microsoft.AspNetCore.Http;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Tenants;

/// <summary>Resolves the request's tenant into the scoped <see cref="TenantContext"/>, moves a URL
/// prefix into PathBase, wakes the tenant (<see cref="TenantActivity"/>), and answers 404 for unknown, disabled or not yet set-up tenants.</summary>
public sealed class TenantMiddleware(RequestDelegate next, TenantResolver resolver, TenantStore store, TenantActivity activity)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var match = resolver.Resolve(context.Request.Host, context.Request.Path);
        if (match is null || match.Tenant.State != TenantState.Running)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        tenantContext.Set(match.Tenant, store.SitePath(match.Tenant.Name));
        await activity.EnterAsync(match.Tenant);
        if (match.PathBase.Length > 0)
        {
            context.Request.PathBase = context.Request.PathBase.Add(match.PathBase);
            context.Request.Path = context.Request.Path.Value!.Length > match.PathBase.Length
                ? new PathString(context.Request.Path.Value[match.PathBase.Length..])
                : new PathString("/");
        }

        await next(context);
    }
}

/// <summary>After routing: an endpoint that belongs to a module answers only where the tenant enabled that module.</summary>
public sealed class FeatureGateMiddleware(RequestDelegate next, TenantFeatures features)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant, SiteDocuments documents)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiresFeatureMetadata>();
        if (required is not null)
        {
            var enabled = await features.GetAsync(tenant.Name, documents, context.RequestAborted);
            if (!enabled.Contains(required.FeatureId))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        await next(context);
    }
}
