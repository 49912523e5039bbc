namespace NetvaerkPortal.Recipes;

/// <summary>Resolves paths a recipe names (media sources, [file:text()]) and refuses any that leave the recipe's folder.</summary>
public static class RecipeFiles
{
    public static string Resolve(string? folder, string relativePath)
    {
        if (folder is null)
        {
            throw new RecipeException($"'{relativePath}' cannot be read: this recipe has no folder to read files from.");
        }

        return Inside(folder, relativePath)
            ?? throw new RecipeException($"The path '{relativePath}' leaves the recipe's folder and is refused. Put the file beside the recipe and name it relative to it.");
    }

    /// <summary>Resolves a target path inside a tenant folder (e.g. Media), refusing any that leave it.</summary>
    public static string ResolveTarget(string folder, string relativePath) =>
        Inside(folder, relativePath)
        ?? throw new RecipeException($"The target path '{relativePath}' leaves the tenant's media folder and is refused.");

    private static string? Inside(string folder, string relativePath)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        return Path.IsPathRooted(relativePath) || !full.StartsWith(root, StringComparison.Ordinal) ? null : full;
    }
}
