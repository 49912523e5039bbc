using System.Text.Json.Nodes;
using NetvaerkPortal.Recipes;

namespace Netvaerk.Meetings.Recipes;

/// <summary>"Meetings": gives networks made by the recipe's content step members, a planned series of meetings with a
/// protocol, roles, RSVPs and cases, and meetings already held (attendance, time spent per agenda item, notes,
/// decisions, actions and anonymous evaluations), with dates counted from the day the recipe runs. The README's
/// recipe section describes the fields. It runs inside the recipe's transaction: a failing entry leaves nothing.</summary>
public sealed class MeetingsRecipeStep : IRecipeStepHandler, IRecipeStepCheck
{
    public IReadOnlyList<string> StepNames { get; } = ["Meetings"];

    public IEnumerable<string> Check(JsonObject data, Recipe recipe, bool evaluated)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var (networks, errors) = MeetingsRecipeReader.Read(data, evaluated);
        var defined = evaluated ? null : NetworksIn(recipe);
        // A network named by an expression (variables('networkId')) must be the id of a Network the recipe creates.
        var unknown = networks.Where(n => defined is not null && RecipeExpressions.IsExpression(n.Network) && !defined.Contains(n.Network))
            .Select(n => $"{n.Label}: no Network item in this recipe's content step has this ContentItemId. Name a network the recipe creates.");
        return errors.Concat(unknown);
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (networks, errors) = MeetingsRecipeReader.Read(context.Data, evaluated: true);
        if (errors.Count > 0)
        {
            throw new RecipeException(errors[0]);
        }

        var run = new MeetingsRecipeRun(context.Services);
        foreach (var network in networks)
        {
            await run.RunAsync(network, cancellationToken);
        }

        context.Note($"{networks.Count} network(s), {networks.Sum(n => n.Meetings.Sum(m => m.Count))} meeting(s).");
    }

    /// <summary>The ContentItemIds (as written, expressions unevaluated) of the Network items in the recipe's content steps.</summary>
    private static HashSet<string> NetworksIn(Recipe recipe) =>
        recipe.Steps.Where(s => s.Name.Equals("content", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => (RecipeReader.Get(s.Data, "data") as JsonArray ?? []).OfType<JsonObject>())
            .Where(item => RecipeReader.Text(item, "ContentType") == "Network")
            .Select(item => RecipeReader.Text(item, "ContentItemId")?.Trim()).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
