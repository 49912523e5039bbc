using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Web.Hosting;

public static class PortalApplication
{
    /// <summary>Everything the portal registers, shared by the web server and the command line.</summary>
    public static IHostApplicationBuilder AddPortalServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        builder.Services.AddPortalCore(ModuleCatalog.Discover(typeof(Program).Assembly));
        return builder;
    }

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        builder.AddPortalServices();
        builder.Services.AddHealthChecks();
        builder.Services.AddHostedService<DefaultTenantBootstrapper>();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseHealthChecks("/health");
        app.UsePortalTenants();
        app.MapPortalModules();
        app.MapGet("/", HomePage.RenderAsync);
        return app;
    }
}
