using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Admin.Tenants;

/// <summary>The Default tenant's list of organisations, where an administrator creates and disables them.</summary>
public sealed class IndexModel(TenantManager tenants, RecipeCatalog recipes, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<TenantSettings> Tenants { get; private set; } = [];

    public IReadOnlyList<Recipe> Recipes { get; private set; } = [];

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await tenants.CreateAsync(new CreateTenantRequest(
                Input.Name.Trim(),
                Blank(Input.Prefix),
                Blank(Input.Host),
                Input.Recipe,
                new SetupRequest(Input.AdminUserName.Trim(), Input.AdminEmail.Trim(), Input.AdminPassword)), cancellationToken);
            Message = text["Organisationen {0} er oprettet og kører på {1}.", result.Tenant.Name,
                result.Tenant.RequestUrlHost.Length > 0 ? result.Tenant.RequestUrlHost : "/" + result.Tenant.RequestUrlPrefix + "/"];
            Input = new CreateInput();
        }
        catch (TenantSetupException error)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = text["Organisationen kunne ikke oprettes: {0}", text[error.Template, error.Arguments]];
        }
        catch (Exception error) when (error is RecipeException or NetvaerkPortal.Content.ContentValidationException)
        {
            // Recipe errors are technical (step, item, field); they are for whoever maintains the recipe.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = text["Organisationen kunne ikke oprettes: {0}", error.Message];
        }

        Load();
        return Page();
    }

    public IActionResult OnPostDisable(string name)
    {
        try
        {
            tenants.Disable(name);
            Message = text["Organisationen {0} er deaktiveret.", name];
        }
        catch (TenantSetupException error)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = text[error.Template, error.Arguments];
        }

        Load();
        return Page();
    }

    public static string StateText(TenantState state) => state switch
    {
        TenantState.Running => "Aktiv",
        TenantState.Disabled => "Deaktiveret",
        _ => "Ikke sat op",
    };

    private void Load()
    {
        Tenants = tenants.List().OrderBy(t => t.IsDefault ? 0 : 1).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Recipes = recipes.List().Where(r => r.IsSetupRecipe && r.Name != "netvaerk-portal").ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class CreateInput
    {
        public string Name { get; set; } = "";

        public string? Prefix { get; set; }

        public string? Host { get; set; }

        public string Recipe { get; set; } = "";

        public string AdminUserName { get; set; } = "admin";

        public string AdminEmail { get; set; } = "";

        public string AdminPassword { get; set; } = "";
    }
}
