using System.Net;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Tests.Networks;

[Collection(NetworkPortalCollection.Name)]
public sealed class OpenApiTests(NetworkPortal portal)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_content_and_members_API()
    {
        using var client = portal.Client(ReaderKind.Anonymous);

        var response = await client.GetAsync(new Uri("/alfa/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/content"));
        Assert.True(paths.ContainsKey("/api/content/{contentItemId}"));
        Assert.True(paths.ContainsKey("/api/networks/{networkId}/members/{userName}"));
        Assert.NotNull(paths["/api/content/{contentItemId}"]!["put"]);
        Assert.False(paths.ContainsKey("/{segment}/{rest}"));
    }
}
