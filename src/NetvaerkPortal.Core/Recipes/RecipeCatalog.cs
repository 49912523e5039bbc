namespace NetvaerkPortal.Recipes;

/// <summary>The recipes shipped with the portal (the Recipes folder beside the program), found by name or by path.</summary>
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

    /// <summary>A recipe by its name (or file name without ".recipe.json"), or a path to a recipe file.</summary>
    public Recipe Load(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('\\', StringComparison.Ordinal))
        {
            return RecipeReader.ReadFile(Path.GetFullPath(nameOrPath));
        }

        var byFile = Path.Combine(Folder, nameOrPath + ".recipe.json");
        if (File.Exists(byFile))
        {
            return RecipeReader.ReadFile(byFile);
        }

        return List().FirstOrDefault(r => string.Equals(r.Name, nameOrPath, StringComparison.OrdinalIgnoreCase))
            ?? throw new RecipeException($"There is no recipe named '{nameOrPath}'. Known recipes: {string.Join(", ", List().Select(r => r.Name))}; or give a path to a .recipe.json file.");
    }
}
