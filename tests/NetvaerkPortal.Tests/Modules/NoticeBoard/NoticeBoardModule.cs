using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tests.Modules.NoticeBoard;

/// <summary>A module that exists only in the tests: a notice board with one content type ("Opslag"), its part's editor
/// fields, an admin menu entry, a page template (Views/Content-Opslag.liquid) and its English texts. It proves that a new
/// content type needs nothing from the host: everything it has, it brings.</summary>
public sealed class NoticeBoardModule : ModuleStartup
{
    public const string Id = "Test.NoticeBoard";
    public const string Type = "Opslag";
    public const string Part = "OpslagPart";
    public const int ContactLimit = 80;

    public static ModuleDescriptor Descriptor { get; } =
        new(Id, "Opslagstavle", ["Netvaerk.Content"], AlwaysEnabled: false, "A notice board, defined only in the tests.", typeof(NoticeBoardModule).Assembly, typeof(NoticeBoardModule));

    public override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<ContentDefinitionOptions>(options =>
        {
            options.Types.Add(new ContentTypeDefinition(Type, "Opslag",
                new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Listable"] = true, ["Draftable"] = true } },
                [
                    new ContentTypePartDefinition("TitlePart", "TitlePart", new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = "0", ["Required"] = true } }),
                    new ContentTypePartDefinition("MarkdownBodyPart", "MarkdownBodyPart", new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = "1" } }),
                    new ContentTypePartDefinition("AutoroutePart", "AutoroutePart", new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = "2" } }),
                    new ContentTypePartDefinition(Part, Part, new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = "3" } }),
                ]));
            options.AddShapes([ContentPartShape.Of(Part, ("Kontakt", FieldShape.Line), ("Sted", FieldShape.Line))]);
        });
        services.AddPartEditor(Part,
            new EditorField(Part, "Kontakt", "Kontaktperson", EditorFieldKind.Text) { MaxLength = ContactLimit, Hint = "Hvem man kan spørge om opslaget." },
            new EditorField(Part, "Sted", "Sted", EditorFieldKind.Text) { MaxLength = 200 });
        services.AddMenuEntry(new MenuEntry(Menus.Admin, "Opslagstavle", "/admin/content?type=" + Type, 30, Id, [PortalRoles.Administrator, PortalRoles.Editor], "Opslag til alle"));
    }
}
