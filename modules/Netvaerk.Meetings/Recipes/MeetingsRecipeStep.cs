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
        if (evaluated)
        {
            return errors;
        }

        // A network or protocol named by an expression (variables('networkId')) can only be an item the recipe creates.
        var networkIds = ItemsIn(recipe, "Network");
        var protocolIds = ItemsIn(recipe, Protocols.ProtocolPart.ContentType);
        var unknownNetworks = networks.Where(n => RecipeExpressions.IsExpression(n.Network) && !networkIds.Contains(n.Network))
            .Select(n => $"{n.Label}: no Network item in this recipe's content step has this ContentItemId. Name a network the recipe creates.");
        var unknownProtocols = networks.SelectMany(n => n.Meetings
            .Where(m => m.Protocol is { } protocol && RecipeExpressions.IsExpression(protocol) && !protocolIds.Contains(protocol))
            .Select(m => $"{m.Path}.Protocol: no Protocol item in this recipe's content step has the ContentItemId {m.Protocol}. Name a protocol the recipe creates, or a built-in one such as \"protokolkollegialsparring0\"."));
        return errors.Concat(unknownNetworks).Concat(unknownProtocols);
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

    /// <summary>The ContentItemIds (as written, expressions unevaluated) of the items of a type in the recipe's content steps.</summary>
    private static HashSet<string> ItemsIn(Recipe recipe, string contentType) =>
        recipe.Steps.Where(s => s.Name.Equals("content", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => (RecipeReader.Get(s.Data, "data") as JsonArray ?? []).OfType<JsonObject>())
            .Where(item => RecipeReader.Text(item, "ContentType") == contentType)
            .Select(item => RecipeReader.Text(item, "ContentItemId")?.Trim()).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
