using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"feature": enables and disables features (modules) for the tenant; Orchard Core ids map onto ours.</summary>
public sealed class FeatureStep(ModuleCatalog modules, TenantFeatures features) : IRecipeStepHandler
{
    public IReadOnlyList<string> StepNames { get; } = ["feature"];

    public static IReadOnlyList<string> UnknownFeatures(IEnumerable<string> ids, ModuleCatalog modules) =>
        ids.Where(id => OrchardFeatures.Map(id, modules.Contains).Kind == FeatureKind.Unknown).Distinct().ToList();

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var enable = RecipeReader.Strings(context.Data, "enable");
        var disable = RecipeReader.Strings(context.Data, "disable");
        var unknown = UnknownFeatures(enable.Concat(disable), modules);
        if (unknown.Count > 0)
        {
            if (!context.SkipUnsupported)
            {
                throw new RecipeException($"Unknown features: {string.Join(", ", unknown)}. Available: {string.Join(", ", modules.Ordered.Select(m => m.Id))}. Fix the names, or run with --skip-unsupported to skip them.");
            }

            context.Note($"skipped {unknown.Count} features this portal does not have: {string.Join(", ", unknown)}");
        }

        var documents = context.Services.GetRequiredService<SiteDocuments>();
        var current = await features.GetAsync(context.Tenant.Name, documents, cancellationToken);
        var wanted = current.Union(ModuleIds(enable), StringComparer.OrdinalIgnoreCase).Except(ModuleIds(disable), StringComparer.OrdinalIgnoreCase);
        await features.SetAsync(context.Tenant.Name, documents, wanted, cancellationToken);
        context.Run.FeaturesChanged = true;
        await context.Services.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<string> ModuleIds(IEnumerable<string> ids) =>
        ids.Select(id => OrchardFeatures.Map(id, modules.Contains).ModuleId).OfType<string>();
}
