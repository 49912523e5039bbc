using System.Text.Json.Nodes;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Recipes;

/// <summary>Runs one kind of recipe step; step names match case-insensitively.</summary>
public interface IRecipeStepHandler
{
    IReadOnlyList<string> StepNames { get; }

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

/// <summary>What a step sees: its data with expressions already evaluated, the tenant's services, and
/// the run's options and notes.</summary>
public sealed class RecipeStepContext(RecipeRun run, Recipe recipe, RecipeStep step, JsonObject data)
{
    public RecipeRun Run { get; } = run;

    public Recipe Recipe { get; } = recipe;

    public RecipeStep Step { get; } = step;

    public JsonObject Data { get; } = data;

    public IServiceProvider Services => Run.Services;

    public TenantContext Tenant => Run.Tenant;

    public bool SkipUnsupported => Run.SkipUnsupported;

    public void Note(string message) => Run.Notes.Add($"{Step.Label}: {message}");
}

/// <summary>One run of a recipe (and the recipes it runs) against one tenant, in one unit of work.</summary>
public sealed class RecipeRun(IServiceProvider services, TenantContext tenant, IReadOnlyDictionary<string, string> parameters, bool skipUnsupported)
{
    public IServiceProvider Services { get; } = services;

    public TenantContext Tenant { get; } = tenant;

    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    public bool SkipUnsupported { get; } = skipUnsupported;

    public List<string> Notes { get; } = [];

    /// <summary>Files written so far, removed again if the run fails.</summary>
    public List<string> WrittenFiles { get; } = [];

    /// <summary>Files that were there before the run overwrote them, with their old bytes, put back if the run fails.</summary>
    public Dictionary<string, byte[]> ReplacedFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of the recipes being run, to refuse a recipe that runs itself.</summary>
    public Stack<string> Nesting { get; } = new();

    public bool FeaturesChanged { get; set; }
}
