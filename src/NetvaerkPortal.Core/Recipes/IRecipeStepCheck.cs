using System.Text.Json.Nodes;

namespace NetvaerkPortal.Recipes;

/// <summary>A step handler that can tell what is wrong with its data before anything runs: names that become file
/// paths, files it reads, values of the wrong kind. <c>recipes validate</c> asks it, and so does every run, before
/// the first step and again for each step once its expressions are evaluated: a bad name is refused at the edge.</summary>
public interface IRecipeStepCheck
{
    /// <param name="data">The step's data.</param>
    /// <param name="recipe">The recipe it belongs to (its folder, for files it names).</param>
    /// <param name="evaluated">False while strings may still be expressions (<c>[js: ...]</c>); those are skipped
    /// then and checked when the step runs, with their values.</param>
    /// <returns>One message per problem, without the step's label (the caller adds it).</returns>
    IEnumerable<string> Check(JsonObject data, Recipe recipe, bool evaluated);
}
