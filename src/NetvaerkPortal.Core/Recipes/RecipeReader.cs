using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Recipes;

/// <summary>Reads Orchard Core recipe JSON, which allows // comments and trailing commas.</summary>
public static class RecipeReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Recipe ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new RecipeException($"The recipe file '{path}' does not exist.");
        }

        return Read(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetFileName(path));
    }

    public static Recipe Read(string json, string? folderPath, string source = "recipe")
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException error)
        {
            var reason = error.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut] : reason;
            throw new RecipeException($"{source} is not valid JSON at line {(error.LineNumber ?? 0) + 1}, column {(error.BytePositionInLine ?? 0) + 1}: {reason}", error);
        }

        if (node is not JsonObject root)
        {
            throw new RecipeException($"{source} must be a JSON object with 'name' and 'steps'.");
        }

        var steps = new List<RecipeStep>();
        if (Get(root, "steps") is JsonArray stepArray)
        {
            var position = 0;
            foreach (var entry in stepArray)
            {
                position++;
                if (entry is not JsonObject step || Text(step, "name") is not { Length: > 0 } name)
                {
                    throw new RecipeException($"{source}: step {position} has no \"name\". Every step needs one, e.g. \"name\": \"content\".");
                }

                steps.Add(new RecipeStep(name, position, step));
            }
        }
        else if (Get(root, "steps") is not null)
        {
            throw new RecipeException($"{source}: 'steps' must be an array of steps.");
        }

        return new Recipe(
            Text(root, "name") ?? Path.GetFileNameWithoutExtension(source).Replace(".recipe", "", StringComparison.OrdinalIgnoreCase),
            Text(root, "displayName") ?? "",
            Text(root, "description") ?? "",
            Text(root, "author") ?? "",
            Text(root, "website") ?? "",
            Text(root, "version") ?? "",
            Get(root, "issetuprecipe") is JsonValue setup && setup.TryGetValue<bool>(out var isSetup) && isSetup,
            Strings(root, "categories"),
            Strings(root, "tags"),
            Get(root, "variables") as JsonObject ?? [],
            steps,
            folderPath);
    }

    /// <summary>A property by name, ignoring case as Orchard Core's reader does.</summary>
    public static JsonNode? Get(JsonObject json, string name)
    {
        if (json.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in json)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    public static string? Text(JsonObject json, string name) =>
        Get(json, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static IReadOnlyList<string> Strings(JsonObject json, string name) =>
        Get(json, name) is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : v.ToJsonString()).ToList()
            : [];
}
