using System.Text.Json.Nodes;

namespace NetvaerkPortal.Recipes;

/// <summary>A parsed Orchard Core recipe: its descriptive header, variables and steps in order.</summary>
public sealed record Recipe(
    string Name,
    string DisplayName,
    string Description,
    string Author,
    string Website,
    string Version,
    bool IsSetupRecipe,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Tags,
    JsonObject Variables,
    IReadOnlyList<RecipeStep> Steps,
    string? FolderPath)
{
    public string Label => string.IsNullOrEmpty(DisplayName) ? Name : DisplayName;
}

/// <summary>One step; <paramref name="Position"/> counts from 1 as people read the file.</summary>
public sealed record RecipeStep(string Name, int Position, JsonObject Data)
{
    public string Label => $"step {Position} '{Files.SafePaths.Show(Name)}'";
}

/// <summary>A recipe could not be read, validated or run; the message names the step, the item or field, and what to do.</summary>
public sealed class RecipeException(string message, Exception? inner = null) : Exception(message, inner);
