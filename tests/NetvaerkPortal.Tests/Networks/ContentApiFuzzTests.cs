using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using NetvaerkPortal.Tests.Content;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>A sample of mutated content items through the HTTP API, by a member and an editor, by POST and PUT:
/// every answer is a result or a problem (201, 200, 400, 403, 404, 409), never a 500.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class ContentApiFuzzTests(NetworkPortal portal)
{
    private static readonly HttpStatusCode[] Expected =
        [HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Conflict];

    [Fact]
    public async Task Mutated_items_through_the_api_never_answer_500()
    {
        var gamma = await HardeningTenant.OfAsync(portal);
        using var member = gamma.Member();
        using var editor = gamma.Editor();
        var own = await gamma.PublishAsync(NetworkPortal.Item("KnowledgeArticle", "Fuzz-mål", "Ændres af prøverne", "Tenant"));
        var target = new Uri($"/gamma/api/content/{own.ContentItemId}", UriKind.Relative);
        var content = new Uri("/gamma/api/content", UriKind.Relative);

        await ContentFuzz.MutatedItem(gamma.NetworkP).SampleAsync(async json =>
        {
            foreach (var response in new[]
            {
                await member.PostAsync(content, NetworkPortal.Json(json)),
                await editor.PostAsync(content, NetworkPortal.Json(json)),
                await editor.PutAsync(target, NetworkPortal.Json(json)),
            })
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(Expected.Contains(response.StatusCode), $"{(int)response.StatusCode}: {body}");
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    Assert.NotNull(JsonNode.Parse(body)?["errors"]);
                }
            }
        }, iter: 60, threads: 1, print: json => json.Length <= 600 ? json : json[..600] + "…");

        // Whatever was stored, the list and the export of the tenant still answer.
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/gamma/api/content?pageSize=100", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/gamma/api/export", UriKind.Relative))).StatusCode);
    }
}
