using Netvaerk.Networks.Members;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Site;

/// <summary>A network's page: its charter for every reader, its people to those who may see them, its notes and articles
/// as far as the reader may read them; and the front page's sections for members and visitors.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class NetworkPageTests(NetworkPortal portal)
{
    private readonly SiteMembers _site = new(portal);

    [Fact]
    public async Task Members_are_listed_to_the_networks_members_and_staff_and_coordinators_to_signed_in_readers()
    {
        var (network, path) = await _site.NetworkAsync("Personnetværk");
        await portal.CreateUserAsync(portal.Alfa, "tovholder-p1", PortalRoles.Member, (network, NetworkRoles.Coordinator));
        await portal.CreateUserAsync(portal.Alfa, "deltager-p1", PortalRoles.Member, (network, NetworkRoles.Member));
        using var member = await _site.MemberOfAsync(network);
        using var outsider = await _site.MemberOfAsync(portal.NetworkY);
        using var editor = await _site.MemberAsync(PortalRoles.Editor);
        using var anonymous = _site.Anonymous();

        foreach (var reader in new[] { member, editor })
        {
            var page = await SiteMembers.PageAsync(reader, "/" + path);
            Assert.NotNull(HtmlForms.TextOf(page, "members-heading"));
            Assert.Contains("deltager-p1", page, StringComparison.Ordinal);
            Assert.Contains("tovholder-p1", page, StringComparison.Ordinal);
        }

        var outsiderPage = await SiteMembers.PageAsync(outsider, "/" + path);
        Assert.Contains("tovholder-p1", outsiderPage, StringComparison.Ordinal);
        Assert.DoesNotContain("deltager-p1", outsiderPage, StringComparison.Ordinal);
        Assert.Null(HtmlForms.TextOf(outsiderPage, "members-heading"));

        var anonymousPage = await SiteMembers.PageAsync(anonymous, "/" + path);
        Assert.Contains("<h1>Personnetværk</h1>", anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain("tovholder-p1", anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain("deltager-p1", anonymousPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_network_page_shows_its_charter_and_the_notes_and_articles_each_reader_may_read_newest_first()
    {
        var network = NetworkPortal.Item("Network", "Chartrets netværk", "Velkommen.", Visibility.Public);
        network.GetOrCreatePart("NetworkPart")["Purpose"] = "At dele erfaringer med **tillid**.";
        network.GetOrCreatePart("NetworkPart")["Cadence"] = "Hver 6. uge";
        await portal.PublishAsync(portal.Alfa, network);
        var id = network.ContentItemId;
        await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("MeetingNote", "Ældre notat 9001", "Første møde.", Visibility.Network, id));
        await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("MeetingNote", "Nyere notat 9002", "Andet møde handlede om roller og tid.", Visibility.Network, id));
        await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("KnowledgeArticle", "Delt artikel 9003", "Til hele organisationen.", Visibility.Tenant, id));
        using var member = await _site.MemberOfAsync(id);
        using var outsider = await _site.MemberOfAsync(portal.NetworkY);
        using var anonymous = _site.Anonymous();
        var path = "/" + (await _site.LatestAsync(id))!.Text("AutoroutePart", "Path");

        var page = await SiteMembers.PageAsync(member, path);
        Assert.Contains("Formål", page, StringComparison.Ordinal);
        Assert.Contains("<strong>tillid</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Hver 6. uge", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Nyere notat 9002", StringComparison.Ordinal) < page.IndexOf("Ældre notat 9001", StringComparison.Ordinal), "newest first");
        Assert.Contains("Andet møde handlede om roller og tid.", page, StringComparison.Ordinal);
        Assert.Contains("16. september 2026", page, StringComparison.Ordinal);
        Assert.Contains("Delt artikel 9003", page, StringComparison.Ordinal);
        Assert.Contains("Skriv mødenotat", page, StringComparison.Ordinal);

        var outsiderPage = await SiteMembers.PageAsync(outsider, path);
        Assert.DoesNotContain("9001", outsiderPage, StringComparison.Ordinal);
        Assert.Contains("Delt artikel 9003", outsiderPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Skriv mødenotat", outsiderPage, StringComparison.Ordinal);
        Assert.Contains("Ingen mødenotater endnu.", outsiderPage, StringComparison.Ordinal);

        var anonymousPage = await SiteMembers.PageAsync(anonymous, path);
        Assert.DoesNotContain("Ældre notat 9001", anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Nyere notat 9002", anonymousPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Delt artikel 9003", anonymousPage, StringComparison.Ordinal);
        Assert.Contains("<strong>tillid</strong>", anonymousPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_links_back_to_its_network_and_shows_its_meeting_date()
    {
        using var member = await _site.MemberOfAsync(portal.NetworkX);

        var page = await SiteMembers.PageAsync(member, "/" + portal.NetworkXItem.Path);

        Assert.Contains("<h1>" + portal.NetworkXItem.Title + "</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Mødedato", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-09-16\">16. september 2026</time>", page, StringComparison.Ordinal);
        Assert.Contains(">Netværk X</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_front_page_shows_a_member_their_networks_and_the_newest_items_with_dates_and_teasers()
    {
        var (network, path) = await _site.NetworkAsync("Forsidenetværk");
        await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("KnowledgeArticle", "Offentlig forsideartikel 9102", "For alle.", Visibility.Public));
        await portal.PublishAsync(portal.Alfa, NetworkPortal.Item("MeetingNote", "Forsidenotat 9101", "Teaseren står her og fortæller om mødet.", Visibility.Network, network));
        using var member = await _site.MemberOfAsync(network);
        using var anonymous = _site.Anonymous();

        var page = await SiteMembers.PageAsync(member, "/");
        var networks = HtmlForms.TextOf(page, "networks-heading");
        Assert.Equal("Mine netværk", networks);
        Assert.Contains($"href=\"/alfa/{path}\">Forsidenetværk</a>", page, StringComparison.Ordinal);
        Assert.Contains("Forsidenotat 9101", page, StringComparison.Ordinal);
        Assert.Contains("Teaseren står her og fortæller om mødet.", page, StringComparison.Ordinal);
        Assert.Contains("16. september 2026", page, StringComparison.Ordinal);

        var visitorPage = await SiteMembers.PageAsync(anonymous, "/");
        Assert.Equal("Netværk", HtmlForms.TextOf(visitorPage, "networks-heading"));
        Assert.DoesNotContain("Forsidenotat 9101", visitorPage, StringComparison.Ordinal);
        Assert.Contains("Offentlig forsideartikel 9102", visitorPage, StringComparison.Ordinal);
    }
}
