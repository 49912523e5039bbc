using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"media": copies files named relative to the recipe (or given as Base64) into the tenant's media folder
/// (<see cref="Media.MediaLocations"/>). Sources stay inside the recipe's folder (<see cref="RecipeFiles"/>) and targets
/// inside the media folder, symbolic links refused.</summary>
public sealed class MediaStep : IRecipeStepHandler, IRecipeStepCheck
{
    public const string MediaFolder = "Media";

    public IReadOnlyList<string> StepNames { get; } = ["media"];

    public IEnumerable<string> Check(JsonObject data, Recipe recipe, bool evaluated)
    {
        if (RecipeReader.NotAnArray(data, "Files", "an array of files") is { } wrong)
        {
            yield return wrong;
            yield break;
        }

        foreach (var (position, entry) in RecipeReader.Entries(data, "Files"))
        {
            if (entry is null)
            {
                yield return $"media file {position} is not an object with 'TargetPath' and 'SourcePath' or 'Base64'.";
                continue;
            }

            var target = RecipeReader.Text(entry, "TargetPath");
            if (target is null)
            {
                yield return $"media file {position} has no 'TargetPath'.";
            }
            else if (!RecipeExpressions.Pending(target, evaluated) && !RecipeFiles.IsTarget(target))
            {
                yield return $"media file {position}: the target path '{SafePaths.Show(target)}' is refused: name a file in the tenant's {MediaFolder} folder as {RecipeFiles.Rule}.";
            }

            if (RecipeReader.Text(entry, "Base64") is { Length: > 0 } base64 && !RecipeExpressions.Pending(base64, evaluated) && Decode(base64) is null)
            {
                yield return $"media file {position} ('{SafePaths.Show(target)}'): 'Base64' is not valid Base64.";
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var file in (RecipeReader.Get(context.Data, "Files") as JsonArray ?? []).OfType<JsonObject>())
        {
            var target = RecipeReader.Text(file, "TargetPath") ?? throw new RecipeException("a media file has no 'TargetPath'.");
            var media = context.Services.GetRequiredService<Media.MediaLocations>().For(context.Tenant);
            var destination = (RecipeFiles.IsTarget(target) ? media.Inside(target) : null)
                ?? throw new RecipeException($"The target path '{SafePaths.Show(target)}' is refused: name a file in the tenant's {MediaFolder} folder as {RecipeFiles.Rule}.");
            byte[] bytes;
            if (RecipeReader.Text(file, "Base64") is { Length: > 0 } base64)
            {
                bytes = Decode(base64) ?? throw new RecipeException($"media file '{SafePaths.Show(target)}': 'Base64' is not valid Base64.");
            }
            else
            {
                var source = RecipeReader.Text(file, "SourcePath") ?? throw new RecipeException($"media file '{SafePaths.Show(target)}' has neither 'SourcePath' nor 'Base64'.");
                string path;
                try
                {
                    path = RecipeFiles.Resolve(context.Recipe.FolderPath, source);
                }
                catch (RecipeException error) when (context.SkipUnsupported)
                {
                    context.Note($"skipped media file '{SafePaths.Show(source)}': {error.Message}");
                    continue;
                }

                if (!File.Exists(path))
                {
                    if (context.SkipUnsupported)
                    {
                        context.Note($"skipped media file '{SafePaths.Show(source)}': not found beside the recipe");
                        continue;
                    }

                    throw new RecipeException($"media file '{SafePaths.Show(source)}' does not exist beside the recipe.");
                }

                bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!File.Exists(destination))
            {
                context.Run.WrittenFiles.Add(destination);
            }
            else if (!context.Run.WrittenFiles.Contains(destination) && !context.Run.ReplacedFiles.ContainsKey(destination))
            {
                context.Run.ReplacedFiles[destination] = await File.ReadAllBytesAsync(destination, cancellationToken);
            }

            await File.WriteAllBytesAsync(destination, bytes, cancellationToken);
        }
    }

    private static byte[]? Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
