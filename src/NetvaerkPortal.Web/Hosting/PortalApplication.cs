using System.Globalization;
using Microsoft.AspNetCore.Localization;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Nodes;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Web.Hosting;

public static class PortalApplication
{
    private static readonly CultureInfo[] Cultures = [new("da-DK"), new("en")];

    /// <summary>Everything the portal registers, shared by the web server and the command line.</summary>
    public static IHostApplicationBuilder AddPortalServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        builder.Services.AddPortalCore(ModuleCatalog.Discover(typeof(Program).Assembly));

        var appData = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Portal:AppDataPath"] ?? "App_Data"));
        builder.Services.AddPortalNodes(builder.Configuration["Portal:Redis:Configuration"], appData);
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
        builder.Services.AddMemoryCache();
        builder.Services.AddOpenApi();
        // Danish letters stay letters in the HTML instead of becoming character references.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // The same in the JSON API (characters that matter in HTML stay escaped).
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHostedService<DefaultTenantBootstrapper>();
        builder.Services.AddSingleton<NetvaerkPortal.Tenants.IdleTenantRelease>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NetvaerkPortal.Tenants.IdleTenantRelease>());
        builder.Services.AddHostMenus();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", PortalPolicies.Editor);
            options.Conventions.AuthorizeFolder("/Admin/Tenants", PortalPolicies.Administrator);
            options.Conventions.AddFolderApplicationModelConvention("/Admin/Tenants",
                model => model.EndpointMetadata.Add(new RequiresFeatureMetadata("Netvaerk.Tenants")));
        });
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseHealthChecks("/health");
        app.UseMiddleware<NetvaerkPortal.Tenants.TenantMiddleware>();
        app.UseRequestLocalization();
        app.UsePortalStatusPages();
        app.UseStaticFiles();
        app.UseModuleStaticFiles();
        app.UsePortalTenants();
        app.MapDisplay();
        app.MapFrontPage();
        app.MapPortalModules();
        app.MapPersonalDataApi();
        app.MapRazorPages();
        app.MapOpenApi();
        app.MapGet("/sprog/{culture}", ChooseLanguage);
        return app;
    }

    /// <summary>The host's own pages in the menus: the front page, the account, and the administration it carries.</summary>
    private static IServiceCollection AddHostMenus(this IServiceCollection services)
    {
        const string Content = "Netvaerk.Content";
        string[] staff = [PortalRoles.Administrator, PortalRoles.Editor];
        string[] administrators = [PortalRoles.Administrator];
        return services
            .AddMenuEntry(new MenuEntry(Menus.Main, "Forside", "/", 0, Content))
            .AddMenuEntry(new MenuEntry(Menus.Main, "Administration", "/admin", 90, Content, staff))
            .AddMenuEntry(new MenuEntry(Menus.Account, "Mine data", "/account/data", 10, Content) { SignedInOnly = true })
            .AddMenuEntry(new MenuEntry(Menus.Account, "Skift adgangskode", "/account/password", 20, Content) { SignedInOnly = true })
            .AddMenuEntry(new MenuEntry(Menus.Admin, "Oversigt", "/admin", 0, Content, staff))
            .AddMenuEntry(new MenuEntry(Menus.Admin, "Indhold", "/admin/content", 10, Content, staff, "Opret, ret og udgiv indhold"))
            .AddMenuEntry(new MenuEntry(Menus.Admin, "Brugere", "/admin/users", 50, Content, administrators, "Medlemmer, roller og adgang"))
            .AddMenuEntry(new MenuEntry(Menus.Admin, "Indstillinger", "/admin/settings", 60, Content, administrators, "Navn, logo, farver, velkomst og kontakt"))
            .AddMenuEntry(new MenuEntry(Menus.Admin, "Skabeloner", "/admin/templates", 70, Content, administrators, "Tilpas sidernes skabeloner"))
            .AddMenuEntry(new MenuEntry(Menus.Admin, "Revisionslog", "/admin/audit", 80, Content, administrators, "Hvem gjorde hvad og hvornår"))
            .AddMenuEntry(new MenuEntry(Menus.Admin, "Organisationer", "/admin/tenants", 90, "Netvaerk.Tenants", administrators, "Opret og administrer organisationernes portaler"));
    }

    /// <summary>Remembers the reader's language in a cookie and goes back where they came from.</summary>
    private static IResult ChooseLanguage(string culture, string? returnUrl, HttpContext context)
    {
        var chosen = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture) ?? Cultures[0];
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Path = context.Request.PathBase.HasValue ? context.Request.PathBase + "/" : "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(ReturnUrls.Local(returnUrl, context.Request.PathBase) ?? context.Request.PathBase + "/");
    }
}
