using System.Net;
using System.Text.Json.Nodes;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.PersonalData;

/// <summary>A member writes a published meeting note in their network through the API, as the member.</summary>
internal static class MemberNotes
{
    public static async Task<string> WriteAsync(HttpClient member, string network, string title)
    {
        var note = new JsonObject
        {
            ["ContentType"] = "MeetingNote",
            ["Published"] = true,
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = "Referat af " + title },
            ["VisibilityPart"] = new JsonObject { ["Visibility"] = "Network" },
            ["NetworkItemPart"] = new JsonObject { ["NetworkContentItemId"] = network },
            ["MeetingNotePart"] = new JsonObject { ["MeetingDate"] = "2026-11-11" },
        };
        var response = await member.PostAsync(new Uri("/alfa/api/content", UriKind.Relative), NetworkPortal.Json(note));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["ContentItemId"]!;
    }
}
