using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Files;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Recipes;

public sealed record RecipeResult(IReadOnlyList<string> Notes);

/// <summary>Runs a recipe's steps in order against one tenant inside one database transaction: when a
/// step fails, nothing the recipe did stays (database rows rolled back, written files removed), and
/// the error names the recipe, the step (name and position) and what went wrong.</summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStepHandler> handlers, IConfiguration configuration, TenantFeatures features,
    Display.SiteDisplays sites, Display.TemplateProblems templateProblems, Indexing.IndexingSignal signal)
{
    private readonly Dictionary<string, IRecipeStepHandler> _handlers = handlers
        .SelectMany(h => h.StepNames.Select(n => KeyValuePair.Create(n, h)))
        .ToDictionary(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> SupportedSteps => _handlers.Keys;

    public bool Supports(string stepName) => _handlers.ContainsKey(stepName);

    public IReadOnlyList<RecipeStep> UnsupportedSteps(Recipe recipe) => recipe.Steps.Where(s => !Supports(s.Name)).ToList();

    /// <summary>What the steps' own checks find in the recipe as written (<see cref="IRecipeStepCheck"/>), each with its step's label.</summary>
    public IEnumerable<string> Check(Recipe recipe) =>
        recipe.Steps.SelectMany(step => _handlers.TryGetValue(step.Name, out var handler) && handler is IRecipeStepCheck check
            ? check.Check(step.Data, recipe, evaluated: false).Select(problem => $"{step.Label}: {problem}")
            : []);

    /// <param name="tenantServices">A scope of the tenant the recipe sets up.</param>
    public async Task<RecipeResult> ExecuteAsync(Recipe recipe, IServiceProvider tenantServices, IReadOnlyDictionary<string, string> parameters, bool skipUnsupported, CancellationToken cancellationToken = default)
    {
        var tenant = tenantServices.GetRequiredService<TenantContext>();
        var run = new RecipeRun(tenantServices, tenant, parameters, skipUnsupported);
        var db = tenantServices.GetRequiredService<PortalDbContext>();
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await RunStepsAsync(recipe, run, cancellationToken);
            tenantServices.GetRequiredService<Audit.AuditLog>().Record(Audit.AuditActions.RecipeRun, recipe.Name, $"{recipe.Steps.Count} trin");
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            // Settings, templates and themes the recipe changed show on the next page, and cached anonymous pages go.
            sites.Forget(tenant.Name);
            templateProblems.ClearTenant(tenant.Name);
            signal.Pulse(tenant.Name);
        }
        catch
        {
            db.ChangeTracker.Clear();
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            foreach (var file in run.WrittenFiles.Where(File.Exists))
            {
                File.Delete(file);
            }

            foreach (var (file, bytes) in run.ReplacedFiles)
            {
                await File.WriteAllBytesAsync(file, bytes, CancellationToken.None);
            }

            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (run.FeaturesChanged)
            {
                features.Forget(tenant.Name);
            }
        }

        return new RecipeResult(run.Notes);
    }

    /// <summary>Runs another recipe's steps inside the current run (the 'recipes' step).</summary>
    public async Task RunStepsAsync(Recipe recipe, RecipeRun run, CancellationToken cancellationToken)
    {
        if (run.Nesting.Contains(recipe.Name, StringComparer.OrdinalIgnoreCase))
        {
            throw new RecipeException($"Recipe '{SafePaths.Show(recipe.Name)}' runs itself through a 'recipes' step ({SafePaths.Show(string.Join(" -> ", run.Nesting.Reverse()), 300)} -> {SafePaths.Show(recipe.Name)}). Remove that step.");
        }

        var unsupported = UnsupportedSteps(recipe);
        if (unsupported.Count > 0 && !run.SkipUnsupported)
        {
            throw new RecipeException($"Recipe '{SafePaths.Show(recipe.Name)}' has steps this portal does not support: {Describe(unsupported)}. Remove them, or run with --skip-unsupported to skip them.");
        }

        // Names that become paths, and the like, are refused before the first step changes anything.
        var problems = Check(recipe).ToList();
        if (problems.Count > 0)
        {
            throw new RecipeException($"Recipe '{SafePaths.Show(recipe.Name)}', {problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more problems; 'recipes validate' lists them all)" : "")}");
        }

        run.Nesting.Push(recipe.Name);
        RecipeStep? current = null;
        var expressions = new RecipeExpressions(
            recipe.Variables,
            run.Parameters,
            key => configuration[key.Replace('_', ':')] ?? configuration[key],
            recipe.FolderPath,
            run.SkipUnsupported ? missing => run.Notes.Add($"{current?.Label}: the file '{missing}' is not beside the recipe; used empty text") : null);
        foreach (var step in recipe.Steps)
        {
            current = step;
            if (!_handlers.TryGetValue(step.Name, out var handler))
            {
                run.Notes.Add($"{step.Label}: skipped, not supported by this portal");
                continue;
            }

            try
            {
                var data = (JsonObject)expressions.Evaluate(step.Data)!;
                if (handler is IRecipeStepCheck check && check.Check(data, recipe, evaluated: true).FirstOrDefault() is { } problem)
                {
                    throw new RecipeException(problem);
                }

                await handler.ExecuteAsync(new RecipeStepContext(run, recipe, step, data), cancellationToken);
            }
            // What a step's data can provoke (values of the wrong kind or shape among them) becomes a message naming the
            // step, never a crash of the run.
            catch (Exception error) when (error is RecipeException or ContentValidationException or ContentDefinitionException or ContentItemNotFoundException or DbUpdateException
                or InvalidOperationException or IOException or UnauthorizedAccessException or JsonException or FormatException or ArgumentException or InvalidCastException or OverflowException)
            {
                if (error is RecipeException && error.Message.StartsWith("Recipe '", StringComparison.Ordinal))
                {
                    throw;
                }

                throw new RecipeException($"Recipe '{SafePaths.Show(recipe.Name)}', {step.Label}: {error.Message}", error);
            }
        }

        run.Nesting.Pop();
    }

    public static string Describe(IEnumerable<RecipeStep> steps) =>
        string.Join(", ", steps.Select(s => $"'{SafePaths.Show(s.Name)}' (step {s.Position})"));
}
