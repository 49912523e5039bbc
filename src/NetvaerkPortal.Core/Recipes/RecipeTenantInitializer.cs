using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Recipes;

/// <summary>Sets a new tenant up from its recipe: an uploaded one (no folder), or the tenant's RecipeName, which only
/// the operator sets to a path (command line, configuration); the web sets a shipped recipe's name.</summary>
public sealed class RecipeTenantInitializer(RecipeCatalog catalog) : ITenantInitializer
{
    /// <summary>How an uploaded recipe is named in messages.</summary>
    public const string UploadedSource = "the uploaded recipe";

    public async Task<IReadOnlyList<string>> InitializeAsync(IServiceProvider tenantServices, TenantSettings tenant, SetupContext context, CancellationToken cancellationToken)
    {
        var recipe = context.UploadedRecipe is { } uploaded
            ? RecipeReader.Read(uploaded, folderPath: null, UploadedSource)
            : catalog.Load(tenant.RecipeName);
        var executor = (RecipeExecutor)tenantServices.GetService(typeof(RecipeExecutor))!;
        var result = await executor.ExecuteAsync(recipe, tenantServices, context.Parameters, context.SkipUnsupported, cancellationToken);
        return result.Notes;
    }
}
