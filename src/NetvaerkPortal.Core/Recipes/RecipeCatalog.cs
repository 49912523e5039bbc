using NetvaerkPortal.Files;

namespace NetvaerkPortal.Recipes;

/// <summary>The recipes shipped with the portal (the Recipes folder beside the program). The web and nested
/// 'recipes' steps reach them only by name (<see cref="Named"/>); only the command line, for its operator, also
/// takes a path (<see cref="Load"/>).</summary>
public sealed class RecipeCatalog
{
    public RecipeCatalog(string? folder = null)
    {
        Folder = folder ?? Path.Combine(AppContext.BaseDirectory, "Recipes");
    }

    public string Folder { get; }

    public IReadOnlyList<Recipe> List() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal).Select(RecipeReader.ReadFile).ToList()
            : [];

    /// <summary>The shipped recipe with this name (its file name without ".recipe.json", or its "name"), or null.
    /// Never reads a path: a name that is no plain file name is only compared with the recipes' names.</summary>
    public Recipe? Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var byFile = SafePaths.IsSafeFileName(name) ? SafePaths.Inside(Folder, name + ".recipe.json") : null;
        if (byFile is not null && File.Exists(byFile))
        {
            return RecipeReader.ReadFile(byFile);
        }

        return List().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>For the command line and tenants.json, where the operator names the recipe: a shipped recipe by
    /// name, else a path to a .recipe.json file. Nothing a web request carries may reach this: the web offers
    /// <see cref="Named"/> recipes and uploads.</summary>
    public Recipe Load(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (Named(nameOrPath) is { } shipped)
        {
            return shipped;
        }

        if (LooksLikePath(nameOrPath))
        {
            return RecipeReader.ReadFile(Path.GetFullPath(nameOrPath));
        }

        throw NotFound(nameOrPath, "or give a path to a .recipe.json file");
    }

    public static bool LooksLikePath(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal);

    public RecipeException NotFound(string name, string alternative) =>
        new($"There is no recipe named '{SafePaths.Show(name)}'. Known recipes: {string.Join(", ", List().Select(r => r.Name))}; {alternative}.");
}
