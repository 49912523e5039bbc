using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Tests.Modules;

/// <summary>The platform (src/NetvaerkPortal.Core) and the host (src/NetvaerkPortal.Web) name no module's content type or
/// part: a module owns its types, and adding one changes nothing there. Read from the sources, so a name in a message or a
/// page counts too.</summary>
public sealed class HostNamesNoContentTypeTests
{
    // "Network" is also a visibility level (Visibility.Network), a platform word that only shares its spelling with the type.
    private static readonly string[] Allowed = ["public const string Network = \"Network\";"];

    [Fact]
    public void Core_and_host_sources_name_no_content_type_or_part_of_the_networks_module()
    {
        var names = NetworkContentTypes.Names.Select(type => $"\"{type}\"")
            .Concat(NetworkContentTypes.Names.Where(type => type.Length > 8).Select(type => type)) // MeetingNote, KnowledgeArticle: never a word of their own
            .Concat(ModuleParts())
            .ToList();
        Assert.Contains("NetworkItemPart", names);

        var found = new List<string>();
        foreach (var file in Sources())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (Allowed.Any(allowed => line.Trim() == allowed))
                {
                    continue;
                }

                found.AddRange(names.Where(name => Regex.IsMatch(line, (name.StartsWith('"') ? Regex.Escape(name) : $@"\b{name}\b")))
                    .Select(name => $"{Path.GetRelativePath(Root, file)}:{i + 1}: {name}"));
            }
        }

        Assert.Empty(found);
    }

    /// <summary>The parts the module's types use that the platform does not give an editor itself.</summary>
    private static IEnumerable<string> ModuleParts()
    {
        using var platform = new ServiceCollection().AddPortalCore(new ModuleCatalog([])).BuildServiceProvider();
        var platformParts = platform.GetRequiredService<IOptions<PartEditorOptions>>().Value.Parts.Keys.ToHashSet(StringComparer.Ordinal);
        return NetworkContentTypes.Definitions.SelectMany(type => type.Parts).Select(part => part.PartName).Distinct().Where(part => !platformParts.Contains(part));
    }

    private static IEnumerable<string> Sources() =>
        new[] { "src/NetvaerkPortal.Core", "src/NetvaerkPortal.Web" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal)
                || file.EndsWith(".liquid", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NetvaerkPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (NetvaerkPortal.sln) is not above the test's folder.");
    }
}
