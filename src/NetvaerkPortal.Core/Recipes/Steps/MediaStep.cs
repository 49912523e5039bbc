using System.Text.Json.Nodes;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"media": copies files named relative to the recipe (or given as Base64) into the tenant's Media folder.</summary>
public sealed class MediaStep : IRecipeStepHandler
{
    public IReadOnlyList<string> StepNames { get; } = ["media"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var mediaFolder = Path.Combine(context.Tenant.SitePath, "Media");
        foreach (var file in (RecipeReader.Get(context.Data, "Files") as JsonArray ?? []).OfType<JsonObject>())
        {
            var target = RecipeReader.Text(file, "TargetPath") ?? throw new RecipeException("a media file has no 'TargetPath'.");
            byte[] bytes;
            if (RecipeReader.Text(file, "Base64") is { Length: > 0 } base64)
            {
                bytes = Convert.FromBase64String(base64);
            }
            else
            {
                var source = RecipeReader.Text(file, "SourcePath") ?? throw new RecipeException($"media file '{target}' has neither 'SourcePath' nor 'Base64'.");
                string path;
                try
                {
                    path = RecipeFiles.Resolve(context.Recipe.FolderPath, source);
                }
                catch (RecipeException) when (context.SkipUnsupported)
                {
                    context.Note($"skipped media file '{source}': it lies outside the recipe's folder");
                    continue;
                }

                if (!File.Exists(path))
                {
                    if (context.SkipUnsupported)
                    {
                        context.Note($"skipped media file '{source}': not found beside the recipe");
                        continue;
                    }

                    throw new RecipeException($"media file '{source}' does not exist beside the recipe.");
                }

                bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            }

            var destination = RecipeFiles.ResolveTarget(mediaFolder, target);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!File.Exists(destination))
            {
                context.Run.WrittenFiles.Add(destination);
            }

            await File.WriteAllBytesAsync(destination, bytes, cancellationToken);
        }
    }
}
