using System.Net;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Site;

/// <summary>Members write and edit meeting notes and knowledge articles in the site, within the API's own rules.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class SiteWritingTests(NetworkPortal portal)
{
    private readonly SiteMembers _site = new(portal);

    private static Dictionary<string, string> Note(string title, string body = "Vi talte om **tillid** og roller.") => new()
    {
        ["p.TitlePart.Title"] = title,
        ["p.MarkdownBodyPart.Markdown"] = body,
        ["p.MeetingNotePart.MeetingDate"] = "2026-10-07",
    };

    [Fact]
    public async Task A_member_writes_a_note_from_the_form_with_its_defaults_and_it_appears_on_the_network_page_for_members_only()
    {
        var (network, path) = await _site.NetworkAsync("Skrivenetværk");
        using var member = await _site.MemberOfAsync(network);
        var networkPage = await SiteMembers.PageAsync(member, "/" + path);
        Assert.Contains("Ingen mødenotater endnu – skriv det første", networkPage, StringComparison.Ordinal);
        Assert.Contains($"/indhold/ny/MeetingNote?netvaerk={network}", networkPage, StringComparison.Ordinal);

        var saved = await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish", Note("Første møde i skrivenetværket"));

        var itemPage = await SiteMembers.PageAsync(member, SiteMembers.Target(saved));
        Assert.Contains("<h1>Første møde i skrivenetværket</h1>", itemPage, StringComparison.Ordinal);
        Assert.Contains("<strong>tillid</strong>", itemPage, StringComparison.Ordinal);
        Assert.Contains("7. oktober 2026", itemPage, StringComparison.Ordinal);
        var note = Assert.Single(await _site.FindAsync("MeetingNote", "Første møde i skrivenetværket"));
        // Nothing chosen on the form: the type's default, the network only.
        Assert.Equal(Visibility.Network, Netvaerk.Networks.ContentTypes.NetworkItems.VisibilityOf(note));
        Assert.Equal(network, Netvaerk.Networks.ContentTypes.NetworkItems.NetworkOf(note));

        Assert.Contains("Første møde i skrivenetværket", await SiteMembers.PageAsync(member, "/" + path), StringComparison.Ordinal);
        using var outsider = await _site.MemberOfAsync(portal.NetworkY);
        Assert.DoesNotContain("Første møde i skrivenetværket", await SiteMembers.PageAsync(outsider, "/" + path), StringComparison.Ordinal);
        using var anonymous = _site.Anonymous();
        Assert.DoesNotContain("Første møde i skrivenetværket", await SiteMembers.PageAsync(anonymous, "/" + path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_stays_off_the_site_and_the_writer_edits_and_publishes_it()
    {
        var (network, _) = await _site.NetworkAsync("Kladdenetværk");
        using var member = await _site.MemberOfAsync(network);

        var draft = await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/KnowledgeArticle?netvaerk={network}", "draft",
            new Dictionary<string, string> { ["p.TitlePart.Title"] = "Halvfærdig artikel", ["p.MarkdownBodyPart.Markdown"] = "Første udkast." });
        var editPath = SiteMembers.Target(draft);
        Assert.Matches("^/indhold/[a-z0-9]{26}/rediger\\?gemt=kladde$", editPath);
        var id = editPath.Split('/')[2];
        Assert.Null(await _site.PublishedAsync(id));
        Assert.Contains("Kladden er gemt.", await SiteMembers.PageAsync(member, editPath), StringComparison.Ordinal);

        var published = await SiteMembers.SubmitFormAsync(member, $"/indhold/{id}/rediger", "publish",
            new Dictionary<string, string> { ["p.MarkdownBodyPart.Markdown"] = "Andet og færdigt udkast." });
        Assert.Contains("Andet og færdigt udkast.", await SiteMembers.PageAsync(member, SiteMembers.Target(published)), StringComparison.Ordinal);
        Assert.Equal("Andet og færdigt udkast.", (await _site.PublishedAsync(id))!.Text("MarkdownBodyPart", "Markdown"));
    }

    [Fact]
    public async Task A_member_of_another_network_gets_404_for_the_write_and_edit_forms_and_their_posts()
    {
        var (network, _) = await _site.NetworkAsync("Lukket netværk");
        using var member = await _site.MemberOfAsync(network);
        var saved = SiteMembers.Target(await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish", Note("Fortroligt notat 7117")));
        var id = (await _site.FindAsync("MeetingNote", "Fortroligt notat 7117"))[0].ContentItemId;
        using var outsider = await _site.MemberOfAsync(portal.NetworkY);
        var token = HtmlForms.Fields(await SiteMembers.PageAsync(outsider, $"/indhold/ny/MeetingNote?netvaerk={portal.NetworkY}"), "/indhold/")["__RequestVerificationToken"];

        await SiteMembers.PageAsync(outsider, $"/indhold/ny/MeetingNote?netvaerk={network}", HttpStatusCode.NotFound);
        await SiteMembers.PageAsync(outsider, $"/indhold/{id}/rediger", HttpStatusCode.NotFound);
        await SiteMembers.PageAsync(outsider, saved, HttpStatusCode.NotFound);
        var posted = new Dictionary<string, string>(Note("Indtrængt 7117")) { ["__RequestVerificationToken"] = token, ["action"] = "publish", ["p.NetworkItemPart.NetworkContentItemId"] = network };
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/indhold/ny/MeetingNote?netvaerk={network}", posted)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/indhold/{id}/rediger", posted)).StatusCode);
        // Through the form of a network the outsider is in, the other network is not theirs to choose either.
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync($"/indhold/ny/MeetingNote?netvaerk={portal.NetworkY}", posted)).StatusCode);

        Assert.Empty(await _site.FindAsync("MeetingNote", "Indtrængt 7117"));
        Assert.Equal("Fortroligt notat 7117", (await _site.LatestAsync(id))!.DisplayText);
    }

    [Fact]
    public async Task The_form_offers_a_member_only_what_they_may_write()
    {
        var (network, _) = await _site.NetworkAsync("Valgnetværk");
        using var member = await _site.MemberOfAsync(network);

        var form = await SiteMembers.PageAsync(member, $"/indhold/ny/KnowledgeArticle?netvaerk={network}");

        Assert.DoesNotContain(Visibility.Public, HtmlForms.Options(form, "p.VisibilityPart.Visibility"));
        Assert.Equal([network], HtmlForms.Options(form, "p.NetworkItemPart.NetworkContentItemId"));
        Assert.Equal(network, HtmlForms.Fields(form, "/indhold/")["p.NetworkItemPart.NetworkContentItemId"]);
    }

    [Fact]
    public async Task A_refused_write_keeps_what_was_entered_and_says_why_beside_the_field()
    {
        var (network, _) = await _site.NetworkAsync("Fejlnetværk");
        using var member = await _site.MemberOfAsync(network);
        var longTitle = new string('Ø', 201);
        var deep = new string('>', 10_000) + " dybt";
        var body = "Det vigtige, jeg skrev: kollegial sparring virker.";

        var tooLong = await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish", Note(longTitle, body));
        var tooLongPage = await tooLong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Titel må højst være 200 tegn (nu 201).", HtmlForms.TextOf(tooLongPage, "p-TitlePart-Title-error"), StringComparison.Ordinal);
        Assert.Equal(longTitle, HtmlForms.Fields(tooLongPage, "/indhold/")["p.TitlePart.Title"]);
        Assert.Equal(body, HtmlForms.Fields(tooLongPage, "/indhold/")["p.MarkdownBodyPart.Markdown"]);

        var nested = await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish", Note("Dybt citat", deep));
        var nestedPage = await nested.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
        Assert.Contains("indlejret", HtmlForms.TextOf(nestedPage, "p-MarkdownBodyPart-Markdown-error"), StringComparison.Ordinal);
        Assert.Equal(deep, HtmlForms.Fields(nestedPage, "/indhold/")["p.MarkdownBodyPart.Markdown"]);

        var noDate = await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish",
            new Dictionary<string, string>(Note("Uden dato")) { ["p.MeetingNotePart.MeetingDate"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("Mødedatoen mangler", HtmlForms.TextOf(await noDate.Content.ReadAsStringAsync(), "p-MeetingNotePart-MeetingDate-error"), StringComparison.Ordinal);

        var asPublic = await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish",
            new Dictionary<string, string>(Note("Offentligt forsøg", body)) { ["p.VisibilityPart.Visibility"] = Visibility.Public });
        Assert.Equal(HttpStatusCode.Forbidden, asPublic.StatusCode);
        var publicPage = await asPublic.Content.ReadAsStringAsync();
        Assert.Contains("offentligt indhold kræver en redaktør", publicPage, StringComparison.Ordinal);
        Assert.Equal(body, HtmlForms.Fields(publicPage, "/indhold/")["p.MarkdownBodyPart.Markdown"]);

        foreach (var title in new[] { longTitle, "Dybt citat", "Uden dato", "Offentligt forsøg" })
        {
            Assert.Empty(await _site.FindAsync("MeetingNote", title));
        }
    }

    [Fact]
    public async Task Errors_read_in_English_for_an_English_reader()
    {
        var (network, _) = await _site.NetworkAsync("Sprognetværk");
        using var member = await _site.MemberOfAsync(network);
        await member.GetAsync("/sprog/en?returnUrl=%2Falfa%2F");

        var refused = await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish", Note(new string('x', 201)));

        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Write a meeting note", page, StringComparison.Ordinal);
        Assert.DoesNotContain("må højst være", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var (network, _) = await _site.NetworkAsync("Tokennetværk");
        using var member = await _site.MemberOfAsync(network);
        var fields = new Dictionary<string, string>(Note("Uden token 8118")) { ["action"] = "publish", ["p.NetworkItemPart.NetworkContentItemId"] = network };

        var response = await member.PostAsync($"/indhold/ny/MeetingNote?netvaerk={network}", fields);
        var preview = await member.PostAsync("/indhold/forhaandsvisning", new Dictionary<string, string> { ["markdown"] = "# Hej" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Empty(await _site.FindAsync("MeetingNote", "Uden token 8118"));
    }

    [Theory]
    [InlineData("/indhold/ny/MeetingNote?netvaerk=ikke-et-id")]
    [InlineData("/indhold/ny/MeetingNote?netvaerk=..%2F..%2Fadmin")]
    [InlineData("/indhold/ny/..%2F..%2FNetwork?netvaerk={network}")]
    [InlineData("/indhold/ny/IkkeEnType?netvaerk={network}")]
    [InlineData("/indhold/ny/Network")]
    [InlineData("/indhold/ny/Case")]
    [InlineData("/indhold/ny/MeetingNote?netvaerk={note}")]
    [InlineData("/indhold/ny/MeetingNote")]
    [InlineData("/indhold/ikke-et-id/rediger")]
    [InlineData("/indhold/00000000000000000000000000/rediger")]
    [InlineData("/indhold/{network}/rediger")]
    [InlineData("/indhold/{note}/historik/{note}")]
    [InlineData("/indhold/{network}/historik")]
    [InlineData("/indhold/{note}/historik/..%2F..%2Fadmin")]
    public async Task Wrong_or_foreign_ids_give_404(string path)
    {
        var (network, _) = await _site.NetworkAsync("Idnetværk");
        using var member = await _site.MemberOfAsync(network);

        var response = await member.GetAsync(path.Replace("{network}", network, StringComparison.Ordinal).Replace("{note}", portal.NetworkXItem.Id, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_field_sent_twice_or_a_body_beyond_the_forms_limits_is_refused_without_storing()
    {
        var (network, _) = await _site.NetworkAsync("Dubletnetværk");
        using var member = await _site.MemberOfAsync(network);
        var form = HtmlForms.Fields(await SiteMembers.PageAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}"), "/indhold/");
        foreach (var (name, value) in Note("Dublet 8228"))
        {
            form[name] = value;
        }

        form["action"] = "publish";
        var pairs = form.Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value)).Append(new("p.TitlePart.Title", "Anden titel 8228")).ToList();
        using var twice = new FormUrlEncodedContent(pairs);
        var duplicate = await member.PostContentAsync($"/indhold/ny/MeetingNote?netvaerk={network}", twice);
        var huge = await member.PostAsync($"/indhold/ny/MeetingNote?netvaerk={network}", new Dictionary<string, string>(form) { ["p.MarkdownBodyPart.Markdown"] = new string('x', 5_000_000) });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Titel er sendt mere end én gang.", HtmlForms.TextOf(await duplicate.Content.ReadAsStringAsync(), "p-TitlePart-Title-error"), StringComparison.Ordinal);
        Assert.InRange((int)huge.StatusCode, 400, 499);
        Assert.Empty(await _site.FindAsync("MeetingNote", "Dublet 8228"));
        Assert.Empty(await _site.FindAsync("MeetingNote", "Anden titel 8228"));
    }

    [Fact]
    public async Task The_preview_is_the_sanitized_page_rendering_and_refuses_what_a_save_would()
    {
        var (network, _) = await _site.NetworkAsync("Forhåndsnetværk");
        using var member = await _site.MemberOfAsync(network);
        var token = HtmlForms.Fields(await SiteMembers.PageAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}"), "/indhold/")["__RequestVerificationToken"];

        var shown = await member.PostAsync("/indhold/forhaandsvisning", new Dictionary<string, string> { ["markdown"] = "## Dagsorden\n\n<script>alert(1)</script><img src=x onerror=alert(2)>", ["__RequestVerificationToken"] = token });
        var deep = await member.PostAsync("/indhold/forhaandsvisning", new Dictionary<string, string> { ["markdown"] = new string('>', 10_000), ["__RequestVerificationToken"] = token });
        var tooLong = await member.PostAsync("/indhold/forhaandsvisning", new Dictionary<string, string> { ["markdown"] = new string('a', 100_001), ["__RequestVerificationToken"] = token });

        var html = await shown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("indlejret", await deep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task Without_JavaScript_the_preview_button_shows_the_server_preview_and_keeps_the_form()
    {
        var (network, _) = await _site.NetworkAsync("Skriptløst netværk");
        using var member = await _site.MemberOfAsync(network);

        var response = await SiteMembers.SubmitFormAsync(member, $"/indhold/ny/MeetingNote?netvaerk={network}", "preview", Note("Forhåndsvist notat", "- punkt *et*"));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<em>et</em>", page, StringComparison.Ordinal);
        Assert.Equal("Forhåndsvist notat", HtmlForms.Fields(page, "/indhold/")["p.TitlePart.Title"]);
        Assert.Empty(await _site.FindAsync("MeetingNote", "Forhåndsvist notat"));
        Assert.Contains("/Netvaerk.Networks/js/markdown-preview.js", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_edits_a_members_note_and_another_member_may_not()
    {
        var (network, path) = await _site.NetworkAsync("Tovholdernetværk");
        using var writer = await _site.MemberOfAsync(network);
        using var coordinator = await _site.MemberOfAsync(network, NetworkRoles.Coordinator);
        using var colleague = await _site.MemberOfAsync(network);
        await SiteMembers.SubmitFormAsync(writer, $"/indhold/ny/MeetingNote?netvaerk={network}", "publish", Note("Notat til rettelse"));
        var id = (await _site.FindAsync("MeetingNote", "Notat til rettelse"))[0].ContentItemId;

        var networkPage = await SiteMembers.PageAsync(coordinator, "/" + path);
        Assert.Contains($"/admin/networks/{network}/members", networkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/networks/", await SiteMembers.PageAsync(colleague, "/" + path), StringComparison.Ordinal);

        var edited = await SiteMembers.SubmitFormAsync(coordinator, $"/indhold/{id}/rediger", "publish", new Dictionary<string, string> { ["p.TitlePart.Title"] = "Notat rettet af tovholderen" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Notat rettet af tovholderen", (await _site.PublishedAsync(id))!.DisplayText);
        await SiteMembers.PageAsync(colleague, $"/indhold/{id}/rediger", HttpStatusCode.NotFound);
    }
}
