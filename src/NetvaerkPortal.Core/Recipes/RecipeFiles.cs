using NetvaerkPortal.Files;

namespace NetvaerkPortal.Recipes;

/// <summary>Resolves paths a recipe names (media sources and targets, [file:text()]) through <see cref="SafePaths"/>:
/// a plain relative path that stays inside its folder, with no symbolic link on the way.</summary>
public static class RecipeFiles
{
    /// <summary>What a path in a recipe may look like, for messages.</summary>
    public const string Rule = "a relative path such as 'media/logo.png': names of letters, digits, spaces, '-', '_' and '.' joined by '/', "
        + "at most 255 characters; no '..', no absolute path or drive, no '\\', no symbolic link";

    /// <summary>A file the recipe reads, inside the recipe's own folder.</summary>
    public static string Resolve(string? folder, string relativePath)
    {
        if (folder is null)
        {
            throw new RecipeException($"The file '{SafePaths.Show(relativePath)}' cannot be read: this recipe has no folder to read files from (an uploaded recipe cannot refer to files). Put the text into the recipe itself, or give media as \"Base64\".");
        }

        return Inside(folder, relativePath)
            ?? throw new RecipeException($"The path '{SafePaths.Show(relativePath)}' leaves the recipe's folder or is not a plain relative path, and is refused. Put the file beside the recipe and name it as {Rule}.");
    }

    /// <summary>True when <paramref name="relativePath"/> may name a file in a tenant's folder (the media step's target,
    /// resolved by <see cref="Media.MediaFolder.Inside"/>, links refused from the media root down).</summary>
    public static bool IsTarget(string relativePath) => SafePaths.IsSafeRelativePath(relativePath);

    private static string? Inside(string folder, string relativePath) =>
        SafePaths.IsSafeRelativePath(relativePath) ? SafePaths.Inside(folder, relativePath) : null;
}
