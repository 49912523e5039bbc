using System.Net;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Site;

/// <summary>An item's history in the site: its writer views an old version, compares it with the current one and restores
/// it; nobody who may not edit the item learns that a version exists.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class SiteHistoryTests(NetworkPortal portal)
{
    private readonly SiteMembers _site = new(portal);

    private async Task<(string Network, string Id, Infrastructure.BrowserlessSession Writer)> NoteWithTwoVersionsAsync(string title)
    {
        var (network, _) = await _site.NetworkAsync("Historik " + title);
        var writer = await _site.MemberOfAsync(network);
        await SiteMembers.SubmitFormAsync(writer, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish", new Dictionary<string, string>
        {
            ["p.TitlePart.Title"] = title,
            ["p.MarkdownBodyPart.Markdown"] = "Vi mødes hver sjette uge i Odense.",
            ["p.MeetingNotePart.MeetingDate"] = "2026-10-07",
        });
        var id = (await _site.FindAsync("MeetingNote", title))[0].ContentItemId;
        await SiteMembers.SubmitFormAsync(writer, $"/indhold/{id}/rediger", "publish", new Dictionary<string, string>
        {
            ["p.MarkdownBodyPart.Markdown"] = "Vi mødes hver fjerde uge i Odense.",
        });
        return (network, id, writer);
    }

    [Fact]
    public async Task The_writer_compares_an_old_version_with_the_current_one_and_restores_it_as_a_draft()
    {
        var (_, id, writer) = await NoteWithTwoVersionsAsync("Mødekadence 9201");
        using var session = writer;
        var versions = await _site.VersionsAsync(id);
        var first = versions[^1];

        var history = await SiteMembers.PageAsync(writer, $"/indhold/{id}/historik");
        Assert.Contains($"/indhold/{id}/historik/{first.ContentItemVersionId}", history, StringComparison.Ordinal);
        var compare = await SiteMembers.PageAsync(writer, $"/indhold/{id}/historik/{first.ContentItemVersionId}");
        Assert.Contains("<del><span class=\"visually-hidden\">[slettet: </span>sjette<span class=\"visually-hidden\">]</span></del>", compare, StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">[tilføjet: </span>fjerde<span class=\"visually-hidden\">]</span></ins>", compare, StringComparison.Ordinal);
        Assert.Contains("Uændret: Titel", compare, StringComparison.Ordinal);

        var form = HtmlForms.Fields(compare, "/gendan");
        var restored = await writer.PostAsync($"/indhold/{id}/historik/{first.ContentItemVersionId}/gendan", form);

        Assert.Equal($"/indhold/{id}/rediger?gemt=gendannet", SiteMembers.Target(restored));
        Assert.Equal("Vi mødes hver sjette uge i Odense.", (await _site.LatestAsync(id))!.Text("MarkdownBodyPart", "Markdown"));
        Assert.Equal("Vi mødes hver fjerde uge i Odense.", (await _site.PublishedAsync(id))!.Text("MarkdownBodyPart", "Markdown"));
    }

    [Fact]
    public async Task Readers_who_may_not_edit_the_item_get_404_for_its_history_its_versions_and_the_restore()
    {
        var (network, id, writer) = await NoteWithTwoVersionsAsync("Skjult historik 9202");
        using var session = writer;
        var first = (await _site.VersionsAsync(id))[^1].ContentItemVersionId;
        using var outsider = await _site.MemberOfAsync(portal.NetworkY);
        using var colleague = await _site.MemberOfAsync(network);
        using var anonymous = _site.Anonymous();
        var token = HtmlForms.Fields(await SiteMembers.PageAsync(outsider, $"/indhold/ny/MeetingNote?netvaerk={portal.NetworkY}"), "/indhold/")["__RequestVerificationToken"];

        foreach (var reader in new[] { outsider, colleague, anonymous })
        {
            await SiteMembers.PageAsync(reader, $"/indhold/{id}/historik", HttpStatusCode.NotFound);
            await SiteMembers.PageAsync(reader, $"/indhold/{id}/historik/{first}", HttpStatusCode.NotFound);
        }

        var restore = await outsider.PostAsync($"/indhold/{id}/historik/{first}/gendan", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        // A version id of another item, under an item the writer may edit, is as unknown as one that never existed.
        await SiteMembers.PageAsync(writer, $"/indhold/{id}/historik/{portal.NetworkXItem.Id}", HttpStatusCode.NotFound);
        Assert.Equal("Vi mødes hver fjerde uge i Odense.", (await _site.LatestAsync(id))!.Text("MarkdownBodyPart", "Markdown"));
    }

    [Fact]
    public async Task An_editor_restores_an_old_version_after_comparing_it_in_the_administration()
    {
        var (_, id, writer) = await NoteWithTwoVersionsAsync("Adminhistorik 9203");
        writer.Dispose();
        using var editor = await _site.MemberAsync(PortalRoles.Editor);
        var first = (await _site.VersionsAsync(id))[^1].ContentItemVersionId;

        var compare = await SiteMembers.PageAsync(editor, $"/admin/content/{id}/history?compare={first}");
        Assert.Contains("sjette<span class=\"visually-hidden\">]</span></del>", compare, StringComparison.Ordinal);
        Assert.Contains("fjerde<span class=\"visually-hidden\">]</span></ins>", compare, StringComparison.Ordinal);
        await SiteMembers.PageAsync(editor, $"/admin/content/{id}/history?compare={portal.NetworkXItem.Id}", HttpStatusCode.NotFound);

        var restored = await editor.SubmitAsync($"/admin/content/{id}/history?compare={first}", new Dictionary<string, string> { ["versionId"] = first }, $"/admin/content/{id}/history");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("Vi mødes hver sjette uge i Odense.", (await _site.LatestAsync(id))!.Text("MarkdownBodyPart", "Markdown"));
    }
}
