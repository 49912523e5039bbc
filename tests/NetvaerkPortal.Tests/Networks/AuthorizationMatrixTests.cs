using System.Net;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>Every reader × every visibility × every read path: allowed exactly where the rules say, and
/// nowhere else. A leak in any cell fails the suite.</summary>
[Collection(NetworkPortalCollection.Name)]
public class AuthorizationMatrixTests(NetworkPortal portal)
{
    public enum ItemKind
    {
        Public,
        Tenant,
        NetworkX,
    }

    public enum ReadPath
    {
        Page,
        ApiGet,
        ApiList,
        Export,
    }

    /// <summary>The rules, written out: who may read which item.</summary>
    private static bool Allowed(ReaderKind reader, ItemKind item) => (reader, item) switch
    {
        (_, ItemKind.Public) => true,
        (ReaderKind.Anonymous or ReaderKind.AdministratorOfOtherTenant, _) => false,
        (ReaderKind.MemberOfY, ItemKind.NetworkX) => false,
        _ => true,
    };

    public static TheoryData<ReaderKind, ItemKind, ReadPath> Cells()
    {
        var cells = new TheoryData<ReaderKind, ItemKind, ReadPath>();
        foreach (var reader in Enum.GetValues<ReaderKind>())
        {
            foreach (var item in Enum.GetValues<ItemKind>())
            {
                foreach (var path in Enum.GetValues<ReadPath>())
                {
                    cells.Add(reader, item, path);
                }
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Reader_sees_the_item_exactly_when_the_rules_allow(ReaderKind reader, ItemKind kind, ReadPath path)
    {
        var item = kind switch
        {
            ItemKind.Public => portal.PublicItem,
            ItemKind.Tenant => portal.TenantItem,
            _ => portal.NetworkXItem,
        };
        var allowed = Allowed(reader, kind);
        using var client = portal.Client(reader);

        var (status, body) = await ReadAsync(client, path, item);

        if (path is ReadPath.Page or ReadPath.ApiGet)
        {
            Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound, status);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Assert.Equal(allowed, body.Contains(item.Title, StringComparison.Ordinal));
        Assert.Equal(allowed, body.Contains(item.Body, StringComparison.Ordinal));
        if (path is ReadPath.ApiList or ReadPath.Export)
        {
            Assert.Equal(allowed, Ids(path, body).Contains(item.Id));
        }
    }

    [Theory]
    [InlineData(ReaderKind.Anonymous, new[] { "public" })]
    [InlineData(ReaderKind.AdministratorOfOtherTenant, new[] { "public" })]
    [InlineData(ReaderKind.MemberOfX, new[] { "public", "tenant", "networkX" })]
    [InlineData(ReaderKind.MemberOfY, new[] { "public", "tenant" })]
    [InlineData(ReaderKind.Editor, new[] { "public", "tenant", "networkX" })]
    [InlineData(ReaderKind.Administrator, new[] { "public", "tenant", "networkX" })]
    public async Task The_front_page_lists_what_the_reader_may_read(ReaderKind reader, string[] expected)
    {
        using var client = portal.Client(reader);

        var page = await (await client.GetAsync(new Uri("/alfa/", UriKind.Relative))).Content.ReadAsStringAsync();

        // The front page shows published items only, also to editors; the draft's title must never be there.
        Assert.True(page.Contains(portal.PublicItem.Title, StringComparison.Ordinal));
        Assert.Equal(expected.Contains("tenant"), page.Contains(portal.TenantItem.Title, StringComparison.Ordinal));
        Assert.Equal(expected.Contains("networkX"), page.Contains(portal.NetworkXItem.Title, StringComparison.Ordinal));
        Assert.DoesNotContain(portal.DraftItem.Title, page, StringComparison.Ordinal);
    }

    internal static async Task<(HttpStatusCode Status, string Body)> ReadAsync(HttpClient client, ReadPath path, SeededItem item)
    {
        var uri = path switch
        {
            ReadPath.Page => $"/alfa/{item.Path}",
            ReadPath.ApiGet => $"/alfa/api/content/{item.Id}",
            ReadPath.ApiList => "/alfa/api/content?pageSize=100",
            _ => "/alfa/api/export",
        };
        var response = await client.GetAsync(new Uri(uri, UriKind.Relative));
        return (response.StatusCode, await TextAsync(response));
    }

    /// <summary>The body as text; JSON with every character written as itself, so that a search for a Danish
    /// word cannot miss it because the server escaped 'å' as \u00E5.</summary>
    internal static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0
            ? JsonNode.Parse(text)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            : text;
    }

    internal static IReadOnlyList<string> Ids(ReadPath path, string body)
    {
        var json = JsonNode.Parse(body)!;
        var items = path == ReadPath.ApiList ? json["items"]!.AsArray() : json["steps"]!.AsArray().Single(s => (string?)s!["name"] == "content")!["data"]!.AsArray();
        return items.Select(i => (string)i!["ContentItemId"]!).ToList();
    }
}

[Collection(NetworkPortalOnPostgresCollection.Name)]
public sealed class AuthorizationMatrixTestsOnPostgres(NetworkPortalOnPostgres portal) : AuthorizationMatrixTests(portal);
