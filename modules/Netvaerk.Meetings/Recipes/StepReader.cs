using System.Text.Json;
using System.Text.Json.Nodes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes;

namespace Netvaerk.Meetings.Recipes;

/// <summary>Reads a recipe step's JSON strictly: every field of the right kind, no unknown or doubled field (names are
/// read ignoring case, so "Start" and "start" together are one field twice), and each problem collected as a message
/// naming where it is ("network '…', Meetings[2].Start: …"). Values that are still expressions are left for the run.</summary>
internal sealed class StepReader(bool evaluated)
{
    public List<string> Errors { get; } = [];

    public bool Evaluated => evaluated;

    public void Error(string path, string message) => Errors.Add($"{path}: {message}");

    /// <summary>"Meetings[2].Start"; after a network's label: "network '…', Meetings".</summary>
    public static string Join(string path, string field) => path.EndsWith('\'') ? $"{path}, {field}" : $"{path}.{field}";

    /// <summary>The node as an object whose fields are all among <paramref name="known"/>; null (with an error) otherwise.</summary>
    public JsonObject? Object(JsonNode? node, string path, IReadOnlyCollection<string> known)
    {
        if (node is not JsonObject obj)
        {
            Error(path, $"must be an object, not {RecipeReader.Kind(node)}.");
            return null;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in obj)
        {
            if (!seen.Add(name))
            {
                Error(path, $"the field '{SafePaths.Show(name)}' is given twice (names ignore case). Give it once.");
            }
            else if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                Error(path, $"unknown field '{SafePaths.Show(name)}'. Known fields: {string.Join(", ", known)}.");
            }
        }

        return obj;
    }

    /// <summary>Text, trimmed; null when absent (an error when <paramref name="required"/>) or of the wrong kind.</summary>
    public string? Text(JsonObject obj, string path, string field, int maxLength, bool required = false)
    {
        var node = RecipeReader.Get(obj, field);
        if (node is null)
        {
            if (required)
            {
                Error(StepReader.Join(path, field), "is required.");
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            Error(StepReader.Join(path, field), $"must be text, not {RecipeReader.Kind(node)}.");
            return null;
        }

        var text = node.GetValue<string>().Trim();
        if (RecipeExpressions.Pending(text, evaluated))
        {
            return text;
        }

        if (required && text.Length == 0)
        {
            Error(StepReader.Join(path, field), "is empty. Write it out.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Error(StepReader.Join(path, field), $"is {text.Length} characters long; at most {maxLength} are allowed.");
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>A content item id (26 lowercase letters and digits), or an expression the run evaluates.</summary>
    public string? Id(JsonObject obj, string path, string field, bool required)
    {
        var text = Text(obj, path, field, int.MaxValue, required);
        if (text is null || RecipeExpressions.Pending(text, evaluated) || ContentIds.IsValid(text))
        {
            return text;
        }

        Error(StepReader.Join(path, field), $"'{SafePaths.Show(text)}' is not a content item id ({ContentIds.Length} lowercase letters and digits, e.g. the ContentItemId of an item in the recipe's content step).");
        return null;
    }

    /// <summary>A whole number within [min, max]; <paramref name="fallback"/> when absent.</summary>
    public int? Number(JsonObject obj, string path, string field, int min, int max, int? fallback = null)
    {
        var node = RecipeReader.Get(obj, field);
        if (node is null)
        {
            if (fallback is null)
            {
                Error(StepReader.Join(path, field), "is required.");
            }

            return fallback;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
        {
            Error(StepReader.Join(path, field), $"must be a whole number from {min} to {max}, not {(node.GetValueKind() == JsonValueKind.Number ? SafePaths.Show(node.ToJsonString()) : RecipeReader.Kind(node))}.");
            return null;
        }

        if (value < min || value > max)
        {
            Error(StepReader.Join(path, field), $"{value} is outside {min}–{max}. Use a whole number from {min} to {max}.");
            return null;
        }

        return value;
    }

    public bool? Flag(JsonObject obj, string path, string field, bool? fallback = null)
    {
        var node = RecipeReader.Get(obj, field);
        if (node is null)
        {
            if (fallback is null)
            {
                Error(StepReader.Join(path, field), "is required (true or false).");
            }

            return fallback;
        }

        if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(StepReader.Join(path, field), $"must be true or false, not {RecipeReader.Kind(node)}.");
            return null;
        }

        return node.GetValue<bool>();
    }

    /// <summary>The entries of an array field with their paths ("…Field[1]"); nothing when absent or not an array.</summary>
    public IReadOnlyList<(string Path, JsonNode? Node)> Array(JsonObject obj, string path, string field, int maxCount)
    {
        var node = RecipeReader.Get(obj, field);
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            Error(StepReader.Join(path, field), $"must be an array, not {RecipeReader.Kind(node)}.");
            return [];
        }

        if (array.Count > maxCount)
        {
            Error(StepReader.Join(path, field), $"has {array.Count} entries; at most {maxCount} are allowed.");
            return [];
        }

        return array.Select((entry, index) => ($"{StepReader.Join(path, field)}[{index + 1}]", entry)).ToList();
    }

    /// <summary>An array of texts (user names, say).</summary>
    public IReadOnlyList<string> Texts(JsonObject obj, string path, string field, int maxCount, int maxLength)
    {
        var list = new List<string>();
        foreach (var (entryPath, node) in Array(obj, path, field, maxCount))
        {
            if (node?.GetValueKind() != JsonValueKind.String || node.GetValue<string>().Trim() is not { Length: > 0 } text)
            {
                Error(entryPath, $"must be non-empty text, not {RecipeReader.Kind(node)}.");
            }
            else if (text.Length > maxLength)
            {
                Error(entryPath, $"is {text.Length} characters long; at most {maxLength} are allowed.");
            }
            else
            {
                list.Add(text);
            }
        }

        return list;
    }
}
