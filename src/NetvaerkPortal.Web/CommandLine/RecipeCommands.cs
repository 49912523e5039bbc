using System.Text.Json;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.CommandLine;

internal static class RecipeCommands
{
    private static readonly HashSet<string> Flags = ["skip-unsupported"];

    public static async Task<int> ValidateAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, Flags);
        var path = arguments.Words.FirstOrDefault() ?? throw new CommandException("Name the recipe file. Example: recipes validate recipes/nyborg-kommune.recipe.json");
        var recipe = services.GetRequiredService<RecipeCatalog>().Load(path);
        await using var scope = services.CreateAsyncScope();
        var validation = scope.ServiceProvider.GetRequiredService<RecipeValidator>().Validate(recipe);
        foreach (var unsupported in validation.Unsupported)
        {
            await output.WriteLineAsync($"unsupported: {unsupported}");
        }

        foreach (var error in validation.Errors)
        {
            await output.WriteLineAsync($"error: {error}");
        }

        var skip = arguments.Flag("skip-unsupported");
        if (!validation.IsValid(skip))
        {
            throw new CommandException(validation.Errors.Count > 0
                ? $"Recipe '{recipe.Name}' has {validation.Errors.Count} error(s): {validation.Errors[0]}"
                : $"Recipe '{recipe.Name}' uses {validation.Unsupported.Count} thing(s) this portal does not support (listed above). With --skip-unsupported they would be skipped.");
        }

        await output.WriteLineAsync($"Recipe '{recipe.Name}' is valid: {recipe.Steps.Count} steps{(validation.Unsupported.Count > 0 ? $"; {validation.Unsupported.Count} unsupported thing(s) would be skipped" : "")}.");
        return 0;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, Flags);
        var path = arguments.Words.FirstOrDefault() ?? throw new CommandException("Name the recipe. Example: recipes run --tenant Nyborg recipes/extra.recipe.json");
        var tenant = RunningTenant(services, arguments.Required("tenant", "--tenant Default"));
        var recipe = services.GetRequiredService<RecipeCatalog>().Load(path);
        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        try
        {
            // parameters('SiteName') is the organisation's name as the tenant shows it, not its technical name.
            var siteName = (await Display.SiteBranding.LoadAsync(scope.ServiceProvider.GetRequiredService<Data.SiteDocuments>())).SiteName;
            var result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(
                recipe, scope.ServiceProvider, new Dictionary<string, string> { ["SiteName"] = siteName }, arguments.Flag("skip-unsupported"));
            foreach (var note in result.Notes)
            {
                await output.WriteLineAsync(note);
            }
        }
        catch (RecipeException error)
        {
            throw new CommandException(error.Message + " Nothing was changed.");
        }

        await output.WriteLineAsync($"Recipe '{recipe.Name}' ran on tenant '{tenant.Name}'.");
        return 0;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        var tenant = RunningTenant(services, arguments.Required("tenant", "--tenant Default"));
        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var recipe = await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(tenant.Name, arguments.Option("type"));
        await output.WriteLineAsync(recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return 0;
    }

    public static TenantSettings RunningTenant(IServiceProvider services, string name)
    {
        var tenant = services.GetRequiredService<TenantStore>().Find(name)
            ?? throw new CommandException($"There is no tenant named '{name}'. 'tenants list' shows the tenants.");
        return tenant.State == TenantState.Running ? tenant : throw new CommandException($"Tenant '{name}' is {tenant.State}; it must be Running.");
    }
}
