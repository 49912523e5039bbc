using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Recipes.Steps;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Recipes;

public static class RecipeServiceCollectionExtensions
{
    public static IServiceCollection AddRecipes(this IServiceCollection services)
    {
        services.AddSingleton(new RecipeCatalog());
        services.AddSingleton<ITenantInitializer, RecipeTenantInitializer>();
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<RecipeValidator>();
        services.AddScoped<ContentExporter>();
        services.AddRecipeStep<FeatureStep>()
            .AddRecipeStep<ThemesStep>()
            .AddRecipeStep<SettingsStep>()
            .AddRecipeStep<RolesStep>()
            .AddRecipeStep<ContentDefinitionStep>()
            .AddRecipeStep<ContentStep>()
            .AddRecipeStep<MediaStep>()
            .AddRecipeStep<TemplatesStep>()
            .AddRecipeStep<RecipesStep>();
        return services;
    }

    public static IServiceCollection AddRecipeStep<TStep>(this IServiceCollection services) where TStep : class, IRecipeStepHandler =>
        services.AddScoped<IRecipeStepHandler, TStep>();
}
