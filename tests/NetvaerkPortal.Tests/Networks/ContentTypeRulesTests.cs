using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Data;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>The module's types in code: defaults, normalisation, and the visibility index kept in step.</summary>
public sealed class ContentTypeRulesTests
{
    [Fact]
    public async Task Types_give_their_default_visibility_and_tags_are_normalised()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Regler");
        await using var scope = host.OpenScope(tenant);
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var network = await content.NewAsync("Network");
        network.GetOrCreatePart("TitlePart")["Title"] = "  Ledernetværket  ";
        await content.PublishAsync(network);
        var note = await content.NewAsync("MeetingNote");
        note.GetOrCreatePart("TitlePart")["Title"] = "Møde";
        note.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = network.ContentItemId;
        note.GetOrCreatePart("MeetingNotePart")["MeetingDate"] = "2026-09-16T08:00:00Z";
        await content.PublishAsync(note);
        var article = await content.NewAsync("KnowledgeArticle");
        article.GetOrCreatePart("TitlePart")["Title"] = "Viden";
        article.GetOrCreatePart("TagsPart")["Tags"] = new JsonArray("  kollegial   sparring ", "Kollegial sparring", "", "tovholder");
        await content.PublishAsync(article);

        var storedNetwork = (await content.GetAsync(network.ContentItemId))!;
        var storedNote = (await content.GetAsync(note.ContentItemId))!;
        var storedArticle = (await content.GetAsync(article.ContentItemId))!;

        Assert.Equal(("Ledernetværket", "Public", "netvaerk/ledernetvaerket"), (storedNetwork.DisplayText, storedNetwork.Text("VisibilityPart", "Visibility"), storedNetwork.Text("AutoroutePart", "Path")));
        Assert.Equal(("Network", "2026-09-16"), (storedNote.Text("VisibilityPart", "Visibility"), storedNote.Text("MeetingNotePart", "MeetingDate")));
        Assert.Equal("Tenant", storedArticle.Text("VisibilityPart", "Visibility"));
        Assert.Equal(["kollegial sparring", "tovholder"], storedArticle.Part("TagsPart")!["Tags"]!.AsArray().Select(t => (string)t!).ToArray());
    }

    [Fact]
    public async Task The_visibility_index_follows_writes_and_is_rebuilt_when_missing()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Indeks");
        string id;
        await using (var scope = host.OpenScope(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var article = await content.NewAsync("KnowledgeArticle");
            article.GetOrCreatePart("TitlePart")["Title"] = "Indekseret";
            article.GetOrCreatePart("VisibilityPart")["Visibility"] = "Public";
            await content.PublishAsync(article);
            article.GetOrCreatePart("VisibilityPart")["Visibility"] = "Tenant";
            await content.SaveDraftAsync(article);
            id = article.ContentItemId;
        }

        var expected = new[] { (true, false, "Tenant"), (false, true, "Public") };
        Assert.Equal(expected, await RowsAsync(host, tenant, id));

        await using (var scope = host.OpenScope(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<NetworksDbContext>().VisibilityIndex.ExecuteDeleteAsync();
            await new NetworksDbMigration().MigrateAsync(scope.ServiceProvider, CancellationToken.None);
        }

        Assert.Equal(expected, await RowsAsync(host, tenant, id));
    }

    private static async Task<(bool Latest, bool Published, string Visibility)[]> RowsAsync(PortalTestHost host, NetvaerkPortal.Tenants.TenantSettings tenant, string id)
    {
        await using var scope = host.OpenScope(tenant);
        var rows = await scope.ServiceProvider.GetRequiredService<NetworksDbContext>().VisibilityIndex.AsNoTracking()
            .Where(r => r.ContentItemId == id).OrderByDescending(r => r.Latest).ToListAsync();
        return rows.Select(r => (r.Latest, r.Published, r.Visibility)).ToArray();
    }
}
