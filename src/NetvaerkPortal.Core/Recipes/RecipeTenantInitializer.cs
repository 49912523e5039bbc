using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Recipes;

/// <summary>Sets a new tenant up from its recipe (by name from the catalog, or a path).</summary>
public sealed class RecipeTenantInitializer(RecipeCatalog catalog) : ITenantInitializer
{
    public async Task<IReadOnlyList<string>> InitializeAsync(IServiceProvider tenantServices, TenantSettings tenant, SetupContext context, CancellationToken cancellationToken)
    {
        var recipe = catalog.Load(tenant.RecipeName);
        var executor = (RecipeExecutor)tenantServices.GetService(typeof(RecipeExecutor))!;
        var result = await executor.ExecuteAsync(recipe, tenantServices, context.Parameters, context.SkipUnsupported, cancellationToken);
        return result.Notes;
    }
}
