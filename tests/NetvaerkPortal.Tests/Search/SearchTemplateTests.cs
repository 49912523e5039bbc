using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Pages;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Recipes.Steps;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Search;

/// <summary>The search page comes from the theme's Liquid template unless the tenant overrides it by name.</summary>
public sealed class SearchTemplateTests
{
    [Fact]
    public void Every_theme_template_parses()
    {
        var names = TemplateRenderer.ThemeTemplateNames();

        Assert.Contains("Search", names);
        Assert.Contains("SearchAdmin", names);
        foreach (var name in names)
        {
            var renderer = new TemplateRenderer(Microsoft.Extensions.Options.Options.Create(new Fluid.TemplateOptions()),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<TemplateRenderer>.Instance);
            Assert.True(renderer.TryParseTemplate(File.ReadAllText(Path.Combine(TemplateRenderer.ThemeViewsPath, name + ".liquid")), out _, out var error), error);
        }
    }

    [Fact]
    public async Task A_tenant_overrides_a_template_by_name_and_other_tenants_keep_the_theme()
    {
        await using var host = PortalTestHost.Create();
        var own = await host.CreateTenantAsync("Egen");
        var plain = await host.CreateTenantAsync("Almindelig");
        await SetTemplateAsync(host, own, "Search", "<p>{{ Query }} hos Egen: {{ Text.Title }}</p>");

        var overridden = await RenderAsync(host, own, "<møde>");
        var theme = await RenderAsync(host, plain, "<møde>");

        Assert.Equal("<p>&lt;møde&gt; hos Egen: Søg</p>", overridden);
        Assert.Contains("<form role=\"search\"", theme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_override_falls_back_to_the_theme()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Brudt");
        await SetTemplateAsync(host, tenant, "Search", "{% for x in %}");

        var html = await RenderAsync(host, tenant, "møde");

        Assert.Contains("<form role=\"search\"", html, StringComparison.Ordinal);
    }

    private static async Task SetTemplateAsync(PortalTestHost host, TenantSettings tenant, string name, string content)
    {
        await using var scope = host.OpenScope(tenant);
        var documents = scope.ServiceProvider.GetRequiredService<SiteDocuments>();
        await documents.SetAsync(TemplatesStep.DocumentName, new Dictionary<string, TemplatesStep.TemplateEntry> { [name] = new() { Content = content } });
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
    }

    private static async Task<string> RenderAsync(PortalTestHost host, TenantSettings tenant, string query)
    {
        await using var scope = host.OpenScope(tenant);
        var model = SearchPageBuilder.Build(new SearchRequest { Query = query }, null, new Dictionary<string, string>(), "", CultureInfo.GetCultureInfo("da-DK"));
        var output = new StringWriter();
        await host.Services.GetRequiredService<TemplateRenderer>().RenderAsync("Search", model, output, tenant.Name,
            scope.ServiceProvider.GetRequiredService<SiteDocuments>());
        return output.ToString();
    }
}
