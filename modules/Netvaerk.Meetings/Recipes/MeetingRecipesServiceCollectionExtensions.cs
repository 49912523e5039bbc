using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Recipes;

namespace Netvaerk.Meetings.Recipes;

public static class MeetingRecipesServiceCollectionExtensions
{
    /// <summary>The "Meetings" recipe step (and its checks at <c>recipes validate</c>).</summary>
    public static IServiceCollection AddMeetingRecipes(this IServiceCollection services) => services.AddRecipeStep<MeetingsRecipeStep>();
}
