using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>The content types the tests write: the foundation defines none in code yet.</summary>
public static class TestContent
{
    public const string Article = "Article";

    public static ContentTypeDefinition ArticleType { get; } = new(
        Article,
        "Artikel",
        new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Draftable"] = true, ["Versionable"] = true } },
        [
            new ContentTypePartDefinition("TitlePart", "TitlePart", new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Required"] = true } }),
            new ContentTypePartDefinition("MarkdownBodyPart", "MarkdownBodyPart", []),
            new ContentTypePartDefinition("AutoroutePart", "AutoroutePart", []),
        ]);

    public static IServiceCollection AddTestContentTypes(this IServiceCollection services) =>
        services.Configure<ContentDefinitionOptions>(options => options.Types.Add(ArticleType));

    /// <summary>An Article (not yet saved) with the given title, body and optional URL path.</summary>
    public static ContentItem NewArticle(string title, string body = "", string? path = null)
    {
        var item = new ContentItem { ContentItemId = ContentManager.NewId(), ContentType = Article };
        SetContent(item, title, body, path);
        return item;
    }

    public static void SetContent(ContentItem item, string title, string body, string? path)
    {
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = body;
        if (path is null)
        {
            item.Parts.Remove("AutoroutePart");
        }
        else
        {
            item.GetOrCreatePart("AutoroutePart")["Path"] = path;
        }
    }
}
