using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Admin.Tenants;

/// <summary>The Default tenant's list of organisations, where an administrator creates and disables them. A new
/// organisation's recipe is one the portal ships (chosen by name) or an uploaded file; never a path on the server.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = RecipeUpload.MaxFormBytes)]
[RequestSizeLimit(RecipeUpload.MaxFormBytes)]
public sealed class IndexModel(TenantManager tenants, RecipeCatalog recipes, RecipeValidator validator, IStringLocalizer<UiText> text) : PageModel
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
            var (recipeName, uploaded) = await ChooseRecipeAsync(cancellationToken);
            if (recipeName is null)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Load();
                return Page();
            }

            var result = await tenants.CreateAsync(new CreateTenantRequest(
                Input.Name.Trim(),
                Blank(Input.Prefix),
                Blank(Input.Host),
                recipeName,
                new SetupRequest(Input.AdminUserName.Trim(), Input.AdminEmail.Trim(), Input.AdminPassword, UploadedRecipe: uploaded, SiteName: Input.SiteName ?? "")), cancellationToken);
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
        Recipes = Offered();
    }

    /// <summary>The neutral starter: an empty portal with the organisation's own name. Offered first and chosen by default.</summary>
    public const string StarterRecipe = "ny-organisation";

    /// <summary>How the list names a recipe: the starter as it is, the case organisations' recipes as the examples they are.</summary>
    public string RecipeLabel(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return recipe.Name == StarterRecipe ? text["Tom portal til en ny organisation (anbefalet)"] : text["Eksempel: {0}", recipe.Label];
    }

    /// <summary>The shipped setup recipes an organisation can start from, the starter first (the Default tenant's own is not one).</summary>
    private List<Recipe> Offered() => recipes.List()
        .Where(r => r.IsSetupRecipe && r.Name != "netvaerk-portal")
        .OrderBy(r => r.Name == StarterRecipe ? 0 : 1)
        .ThenBy(r => r.Label, StringComparer.CurrentCulture)
        .ToList();

    /// <summary>The recipe to run: an uploaded file (checked as `recipes validate` would) or one of <see cref="Offered"/>
    /// by name. Returns a null name and sets <see cref="Error"/> when neither is usable.</summary>
    private async Task<(string? Name, string? Uploaded)> ChooseRecipeAsync(CancellationToken cancellationToken)
    {
        if (Input.RecipeFile is { Length: > 0 } file)
        {
            var (json, problem) = await RecipeUpload.ReadAsync(file, cancellationToken);
            if (json is null)
            {
                Error = text["Organisationen kunne ikke oprettes: {0}", text[problem!]];
                return (null, null);
            }

            var recipe = RecipeReader.Read(json, folderPath: null, RecipeTenantInitializer.UploadedSource);
            var validation = validator.Validate(recipe);
            var first = validation.Errors.Concat(validation.Unsupported.Select(u => "unsupported: " + u)).FirstOrDefault();
            if (first is not null)
            {
                throw new RecipeException(first);
            }

            // Shown in the list of organisations; a name that is no safe name is left out rather than shown.
            return (SafePaths.IsSafeName(recipe.Name) ? "(upload) " + recipe.Name : "(upload)", json);
        }

        // A select can be posted with any value: only the names offered are accepted, and never as a path.
        if (Offered().FirstOrDefault(r => string.Equals(r.Name, Input.Recipe, StringComparison.Ordinal)) is { } shipped)
        {
            return (shipped.Name, null);
        }

        Error = text["Organisationen kunne ikke oprettes: {0}", text["Vælg en af portalens opskrifter, eller upload en opskriftsfil."]];
        return (null, null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class CreateInput
    {
        public string Name { get; set; } = "";

        public string? Prefix { get; set; }

        public string? Host { get; set; }

        /// <summary>The organisation's name as its people know it ("Nyborg Kommune"); the technical Name is only for URLs and folders.</summary>
        public string? SiteName { get; set; }

        public string Recipe { get; set; } = StarterRecipe;

        public string AdminUserName { get; set; } = "admin";

        public string AdminEmail { get; set; } = "";

        public string AdminPassword { get; set; } = "";

        /// <summary>An uploaded .recipe.json, used instead of <see cref="Recipe"/> when given.</summary>
        public IFormFile? RecipeFile { get; set; }
    }
}
