using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Recipes;

namespace Netvaerk.Search.Lucene;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddRecipeStep<LuceneIndexStep>().AddRecipeStep<LuceneIndexRebuildStep>();
    }
}
