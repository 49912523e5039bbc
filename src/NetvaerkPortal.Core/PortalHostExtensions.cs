using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal;

public static class PortalHostExtensions
{
    /// <summary>Registers the platform and every module the host references, in dependency order.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, ModuleCatalog modules)
    {
        services.AddSingleton(modules);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Display.MarkdownRenderer>();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, Display.PortalLocalizerFactory>();
        services.AddLocalization();
        services.AddTenantRegistry();
        services.AddSingleton<TenantResolver>();
        services.AddSingleton<TenantFeatures>();
        services.AddSingleton<TenantScopes>();
        services.AddSingleton<TenantSetup>();
        services.AddSingleton<TenantManager>();
        services.AddSingleton<TenantActivity>();
        services.AddSingleton<ITenantRelease, TenantCoreRelease>();
        services.AddScoped<TenantContext>();
        services.AddSingleton<Media.MediaLocations>();

        services.AddSingleton<TenantDbOptions>();
        services.AddScoped(provider => provider.GetRequiredService<TenantDbOptions>().Portal(provider.GetRequiredService<TenantContext>()));
        services.AddScoped<PortalDbContext>();
        services.AddScoped<SiteDocuments>();
        services.AddAuditLog();
        services.AddScoped<PersonalData.PersonalDataExport>();
        services.AddScoped<PersonalData.MemberDeletion>();
        services.AddSingleton<ITenantMigration, PortalDbMigration>();

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                // No lockout after failed sign-ins (anyone could lock a member out): SignInThrottle slows guessing instead.
                // Lockout stays for administrators, who lock a user by hand.
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<PortalRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddRouting();
        services.AddPortalAuthentication();
        services.AddAntiforgery();
        services.AddOutputCache(options => options.AddPolicy(AnonymousPageCache.PolicyName, new AnonymousPageCache()));

        services.AddScoped<ContentDefinitionManager>();
        services.Configure<ContentDefinitionOptions>(options => options.AddShapes(ContentPartShape.Platform));
        services.AddScoped<ContentManager>();
        // Modules add the IItemNetworks (singletons) that say which network an item belongs to.
        services.AddSingleton<ItemVisibility>();
        services.AddSingleton<Indexing.IndexingSignal>();
        services.AddPortalDisplay();
        services.AddPlatformPartEditors();
        services.AddScoped<IContentHandler, AutoroutePartHandler>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddRecipes();

        foreach (var module in modules.Ordered)
        {
            Startup(module)?.ConfigureServices(services);
        }

        return services;
    }

    /// <summary>Adds a module the host did not discover (one that lives in a test assembly), after <see cref="AddPortalCore"/>:
    /// the catalog then holds it (its templates, texts, static files, routes and feature), and its services are registered.</summary>
    public static IServiceCollection AddPortalModule(this IServiceCollection services, ModuleDescriptor module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var catalog = services.LastOrDefault(d => d.ServiceType == typeof(ModuleCatalog))?.ImplementationInstance as ModuleCatalog
            ?? throw new InvalidOperationException("Call AddPortalCore before AddPortalModule.");
        services.Replace(ServiceDescriptor.Singleton(new ModuleCatalog([.. catalog.Ordered, module])));
        Startup(module)?.ConfigureServices(services);
        return services;
    }

    /// <summary>The display layer: templates from modules, themes and tenants; the layout; menus; the one localizer.</summary>
    private static IServiceCollection AddPortalDisplay(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ModuleTemplates>();
        services.AddSingleton<TemplateProblems>();
        services.AddSingleton<TemplateResolver>();
        services.AddSingleton<SiteDisplays>();
        services.AddScoped<PageDisplay>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Routing.MatcherPolicy, ContentPathFirstPolicy>());
        services.Configure<Fluid.TemplateOptions>(options =>
        {
            // Templates see view models only (records built for them), never services or entities, so member access is open.
            options.MemberAccessStrategy = Fluid.UnsafeMemberAccessStrategy.Instance;
            // A tenant's template cannot loop the server to a halt.
            options.MaxSteps = 1_000_000;
            options.MaxRecursion = 50;
            LiquidFilters.Register(options);
        });
        return services;
    }

    /// <summary>The editor fields of the parts the platform defines; modules add their own parts' the same way.</summary>
    private static IServiceCollection AddPlatformPartEditors(this IServiceCollection services)
    {
        services.AddSingleton<ContentEditor>();
        IReadOnlyList<EditorChoice> visibilities =
        [
            new(Visibility.Public, "Offentlig – alle kan læse"),
            new(Visibility.Tenant, "Organisationen – alle, der er logget ind"),
            new(Visibility.Network, "Netværket – kun netværkets medlemmer"),
        ];
        return services
            .AddPartEditor("TitlePart", new EditorField("TitlePart", "Title", "Titel", EditorFieldKind.Text) { Required = true, MaxLength = 200 })
            .AddPartEditor("MarkdownBodyPart", new EditorField("MarkdownBodyPart", "Markdown", "Brødtekst", EditorFieldKind.Markdown)
            {
                MaxLength = 100_000,
                Hint = "Skriv i Markdown: # overskrift, **fed**, *kursiv*, - punkter, [link](https://…).",
            })
            .AddPartEditor("TagsPart", new EditorField("TagsPart", "Tags", "Emneord", EditorFieldKind.Tags) { MaxLength = 1000, Hint = "Adskil emneordene med komma." })
            .AddPartEditor("VisibilityPart", new EditorField("VisibilityPart", "Visibility", "Synlighed", EditorFieldKind.Choice)
            {
                Choices = _ => Task.FromResult(visibilities),
                Hint = "Hvem kan læse indholdet.",
            })
            .AddPartEditor("AutoroutePart", new EditorField("AutoroutePart", "Path", "Adresse (URL-sti)", EditorFieldKind.Text)
            {
                MaxLength = 1024,
                Hint = "Tom: laves af titlen.",
            });
    }

    /// <summary>The tenant pipeline: resolve the tenant, route, refuse endpoints of features the tenant did not enable.</summary>
    /// <remarks>Call after <see cref="TenantMiddleware"/>, which the host places before static files and localization.</remarks>
    public static IApplicationBuilder UsePortalTenants(this IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseMiddleware<FeatureGateMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<RejectInvalidAccessTokens>();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authentication: the anonymous page cache must know who is asking.
        app.UseOutputCache();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps each module's routes once, tagged with the module's feature so that only tenants that enabled it answer.</summary>
    public static IEndpointRouteBuilder MapPortalModules(this IEndpointRouteBuilder routes)
    {
        var modules = routes.ServiceProvider.GetRequiredService<ModuleCatalog>();
        foreach (var module in modules.Ordered)
        {
            var group = routes.MapGroup("");
            if (!module.AlwaysEnabled)
            {
                group.WithMetadata(new RequiresFeatureMetadata(module.Id));
            }

            Startup(module)?.MapRoutes(group);
        }

        return routes;
    }

    private static ModuleStartup? Startup(ModuleDescriptor module) =>
        module.StartupType is null ? null : (ModuleStartup)Activator.CreateInstance(module.StartupType)!;
}
