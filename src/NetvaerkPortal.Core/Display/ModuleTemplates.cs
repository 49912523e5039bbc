using System.Collections.Frozen;
using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Display;

/// <summary>The Liquid templates every module and theme carries as embedded resources (<c>Views/{name}.liquid</c>),
/// read once at startup. The names are the shape names the display layer asks for ("Layout", "Content-Case.Summary").</summary>
public sealed class ModuleTemplates
{
    private const string Prefix = "Views/";
    private const string Suffix = ".liquid";

    public ModuleTemplates(ModuleCatalog modules)
        : this(modules.Ordered.Select(module => (module, (IReadOnlyDictionary<string, string>)Read(module))).ToList())
    {
    }

    /// <summary>Templates given directly, modules in dependency order (tests use this for modules that exist only there).</summary>
    public ModuleTemplates(IReadOnlyList<(ModuleDescriptor Module, IReadOnlyDictionary<string, string> Templates)> modules)
    {
        ByModule = modules.ToFrozenDictionary(m => m.Module.Id, m => m.Templates.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        // A module that depends on another comes later in the catalog and may override its templates.
        ModulesLastFirst = modules.Where(m => !m.Module.IsTheme).Select(m => m.Module.Id).Reverse().ToList();
        Themes = modules.Where(m => m.Module.IsTheme).Select(m => m.Module.Id).ToList();
    }

    private static Dictionary<string, string> Read(ModuleDescriptor module)
    {
        var templates = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (module.Assembly is null)
        {
            return templates;
        }

        foreach (var resource in module.Assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal) && r.EndsWith(Suffix, StringComparison.Ordinal)))
        {
            using var stream = module.Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            templates[resource[Prefix.Length..^Suffix.Length]] = reader.ReadToEnd();
        }

        return templates;
    }

    public FrozenDictionary<string, FrozenDictionary<string, string>> ByModule { get; }

    /// <summary>Non-theme modules, most dependent first: the order in which a module template is looked for.</summary>
    public IReadOnlyList<string> ModulesLastFirst { get; }

    public IReadOnlyList<string> Themes { get; }

    public string? Find(string moduleId, string name) =>
        ByModule.TryGetValue(moduleId, out var templates) && templates.TryGetValue(name, out var source) ? source : null;

    /// <summary>Every template name some module or theme ships, for the administrators' template list.</summary>
    public IReadOnlyList<string> AllNames() =>
        ByModule.Values.SelectMany(t => t.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
}
