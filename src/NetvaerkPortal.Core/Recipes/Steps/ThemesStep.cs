using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"themes": the site and admin themes, each a theme module the portal has.</summary>
public sealed class ThemesStep(ModuleCatalog modules) : IRecipeStepHandler
{
    public const string DocumentName = "Themes";

    public IReadOnlyList<string> StepNames { get; } = ["themes"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var themes = new ThemeSettings
        {
            Site = Choose(context, "site"),
            Admin = Choose(context, "admin"),
        };
        await context.Services.GetRequiredService<SiteDocuments>().SetAsync(DocumentName, themes, cancellationToken);
    }

    private string Choose(RecipeStepContext context, string which)
    {
        var name = RecipeReader.Text(context.Data, which);
        if (string.IsNullOrEmpty(name) || modules.Contains(name))
        {
            return name ?? "";
        }

        if (!context.SkipUnsupported)
        {
            throw new RecipeException($"The {which} theme '{name}' does not exist here. Use 'Netvaerk.Theme', or run with --skip-unsupported to keep the default theme.");
        }

        context.Note($"the {which} theme '{name}' does not exist here; the default theme is used");
        return "";
    }

    public sealed class ThemeSettings
    {
        public string Site { get; set; } = "";

        public string Admin { get; set; } = "";
    }
}
