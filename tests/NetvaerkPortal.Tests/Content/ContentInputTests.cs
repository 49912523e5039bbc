using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Bad content input is refused with a message that names where the problem is, and nothing is written.</summary>
public sealed class ContentInputTests
{
    [Fact]
    public void Malformed_content_json_is_refused_naming_line_and_column()
    {
        const string json = "{\n  \"ContentType\": \"Article\",\n  \"TitlePart\": {\"Title\": x}\n}";

        var refused = Assert.Throws<ContentValidationException>(() => ContentJson.Parse(json));

        Assert.Contains("line 3, column 26", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_json_that_is_not_an_object_is_refused()
    {
        var refused = Assert.Throws<ContentValidationException>(() => ContentJson.Parse("""[{"ContentType": "Article"}]"""));

        Assert.Contains("must be an object", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_that_is_not_an_object_is_refused_naming_the_field()
    {
        const string json = """{"ContentItemId": "4xq1", "ContentType": "Article", "TitlePart": "Mødestruktur"}""";

        var refused = Assert.Throws<ContentValidationException>(() => ContentJson.Parse(json));

        Assert.Equal("TitlePart", refused.Field);
        Assert.Equal("4xq1", refused.ContentItemId);
        Assert.Contains("'TitlePart' must be a JSON object", refused.Message, StringComparison.Ordinal);
        Assert.Contains("a string", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_of_the_wrong_kind_is_refused_naming_it()
    {
        var refused = Assert.Throws<ContentValidationException>(() => ContentJson.Parse("""{"ContentType": "Article", "Published": "yes"}"""));

        Assert.Equal("Published", refused.Field);
    }

    [Fact]
    public void Content_json_parses_into_an_item_with_its_parts()
    {
        var item = ContentJson.Parse("""
            {
              "ContentItemId": "4xq1", "ContentType": "Article", "Published": true,
              "TitlePart": { "Title": "Mødestruktur" },
              "MarkdownBodyPart": { "Markdown": "Fire faser" },
            }
            """);

        Assert.Equal(("4xq1", "Article", true), (item.ContentItemId, item.ContentType, item.Published));
        Assert.Equal("Mødestruktur", item.Text("TitlePart", "Title"));
        Assert.Equal("Fire faser", item.Text("MarkdownBodyPart", "Markdown"));
        Assert.Equal(["TitlePart", "MarkdownBodyPart"], item.Parts.Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task An_item_of_an_unknown_type_is_refused_naming_item_and_field_and_nothing_is_written()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Input");
        var item = ContentJson.Parse("""{"ContentItemId": "ukendt00000000000000000001", "ContentType": "Opskrift", "TitlePart": {"Title": "Æblekage"}}""");

        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => PublishAsync(host, tenant, item));

        Assert.Equal("ukendt00000000000000000001", refused.ContentItemId);
        Assert.Equal("ContentType", refused.Field);
        Assert.Contains("'ukendt00000000000000000001'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'Opskrift'", refused.Message, StringComparison.Ordinal);
        await ExpectNoContentAsync(host, tenant);
    }

    [Fact]
    public async Task An_item_without_its_required_part_is_refused_naming_item_and_part_and_nothing_is_written()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Input");
        var item = ContentJson.Parse("""{"ContentItemId": "utitel00000000000000000001", "ContentType": "Article", "MarkdownBodyPart": {"Markdown": "Uden titel"}}""");

        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => PublishAsync(host, tenant, item));

        Assert.Equal("utitel00000000000000000001", refused.ContentItemId);
        Assert.Equal("TitlePart", refused.Field);
        Assert.Contains("'utitel00000000000000000001'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'TitlePart'", refused.Message, StringComparison.Ordinal);
        await ExpectNoContentAsync(host, tenant);
    }

    [Theory]
    [InlineData("../hemmelig")]
    [InlineData("viden//dobbelt")]
    [InlineData("/")]
    public async Task An_unusable_url_path_is_refused_naming_the_field(string path)
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Input");

        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => PublishAsync(host, tenant, TestContent.NewArticle("Sti", path: path)));

        Assert.Equal("AutoroutePart.Path", refused.Field);
        await ExpectNoContentAsync(host, tenant);
    }

    [Fact]
    public async Task A_url_path_is_stored_normalized()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Input");
        var item = TestContent.NewArticle("Sti", path: " /Viden/Moedestruktur/ ");

        await PublishAsync(host, tenant, item);

        Assert.Equal(["viden/moedestruktur"], await host.QueryAsync(tenant, db => db.AutorouteIndex.Select(r => r.Path).ToListAsync()));
    }

    [Fact]
    public async Task Restoring_a_version_whose_path_another_item_has_taken_since_is_refused()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Input");
        var first = TestContent.NewArticle("Første", path: "viden/roller");
        await PublishAsync(host, tenant, first);
        var oldVersion = first.ContentItemVersionId;
        TestContent.SetContent(first, "Første", "", "viden/roller-i-netvaerket");
        await PublishAsync(host, tenant, first);
        var second = TestContent.NewArticle("Anden", path: "viden/roller");
        await PublishAsync(host, tenant, second);

        await using (var scope = host.OpenScope(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var refused = await Assert.ThrowsAsync<ContentValidationException>(() => content.RestoreAsync(first.ContentItemId, oldVersion));
            Assert.Equal("AutoroutePart.Path", refused.Field);
        }

        var owners = await host.QueryAsync(tenant, db => db.AutorouteIndex.Where(r => r.Path == "viden/roller").Select(r => r.ContentItemId).ToListAsync());
        Assert.Equal([second.ContentItemId], owners);
    }

    private static async Task PublishAsync(PortalTestHost host, TenantSettings tenant, ContentItem item)
    {
        await using var scope = host.OpenScope(tenant);
        await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(item);
    }

    private static async Task ExpectNoContentAsync(PortalTestHost host, TenantSettings tenant)
    {
        Assert.Equal(0, await host.QueryAsync(tenant, db => db.ContentItems.CountAsync()));
        Assert.Equal(0, await host.QueryAsync(tenant, db => db.IndexingLog.CountAsync()));
        Assert.Equal(0, await host.QueryAsync(tenant, db => db.AutorouteIndex.CountAsync()));
    }
}
