using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Files;

/// <summary>A template name becomes a file name in the theme ({name}.liquid): one that climbs out of the theme's
/// folder never reads a file elsewhere.</summary>
public sealed class ThemeTemplateNameTests
{
    [Fact]
    public async Task Template_name_that_climbs_out_of_the_theme_reads_no_file_outside()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Tema");
        var outside = Path.Combine(host.AppData.Path, "outside.liquid");
        await File.WriteAllTextAsync(outside, "read from outside the theme");
        var climbing = Path.GetRelativePath(TemplateRenderer.ThemeViewsPath, Path.ChangeExtension(outside, null));
        await using var scope = host.OpenScope(tenant);
        var documents = scope.ServiceProvider.GetRequiredService<SiteDocuments>();
        var renderer = host.Services.GetRequiredService<TemplateRenderer>();

        foreach (var name in new[] { climbing, Path.ChangeExtension(outside, null), "../Views/Search" })
        {
            var output = new StringWriter();
            var refused = await Record.ExceptionAsync(() => renderer.RenderAsync(name, new object(), output, tenant.Name, documents));

            Assert.IsType<InvalidOperationException>(refused);
            Assert.DoesNotContain("outside the theme", output.ToString(), StringComparison.Ordinal);
        }
    }
}
