using System.Text.Json.Nodes;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>The list filters by type and network and pages, inside what the reader may read.</summary>
[Collection(NetworkPortalCollection.Name)]
public class ContentListTests(NetworkPortal portal)
{
    [Fact]
    public async Task The_list_filters_by_type_and_network()
    {
        using var member = portal.Client(ReaderKind.MemberOfX);

        var notes = await ListAsync(member, $"type=MeetingNote&network={portal.NetworkX}");
        var networks = await ListAsync(member, "type=Network");

        Assert.Contains(portal.NetworkXItem.Id, Ids(notes));
        Assert.All(notes["items"]!.AsArray(), i => Assert.Equal("MeetingNote", (string)i!["ContentType"]!));
        Assert.All(notes["items"]!.AsArray(), i => Assert.Equal(portal.NetworkX, (string)i!["NetworkItemPart"]!["NetworkContentItemId"]!));
        Assert.Equal([portal.NetworkX, portal.NetworkY], Ids(networks).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Pages_split_the_readable_items_without_gaps_or_repeats()
    {
        using var editor = portal.Client(ReaderKind.Editor);
        var all = await ListAsync(editor, "pageSize=100");
        var total = (int)all["total"]!;

        var paged = new List<string>();
        for (var page = 1; page <= (total + 2) / 3; page++)
        {
            paged.AddRange(Ids(await ListAsync(editor, $"page={page}&pageSize=3")));
        }

        Assert.True(total >= 7);
        Assert.Equal(Ids(all), paged);
    }

    private static async Task<JsonNode> ListAsync(HttpClient client, string query) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri($"/alfa/api/content?{query}", UriKind.Relative)))!;

    private static string[] Ids(JsonNode list) => list["items"]!.AsArray().Select(i => (string)i!["ContentItemId"]!).ToArray();
}

[Collection(NetworkPortalOnPostgresCollection.Name)]
public sealed class ContentListTestsOnPostgres(NetworkPortalOnPostgres portal) : ContentListTests(portal);
