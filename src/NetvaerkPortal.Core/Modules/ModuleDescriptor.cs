using System.Reflection;

namespace NetvaerkPortal.Modules;

public sealed record ModuleDescriptor(
    string Id,
    string Name,
    IReadOnlyList<string> Dependencies,
    bool AlwaysEnabled,
    string Description,
    Assembly? Assembly,
    Type? StartupType,
    string Category = "")
{
    /// <summary>A theme supplies the layout and overrides module templates by name; a tenant picks one in its "themes" setting.</summary>
    public bool IsTheme => string.Equals(Category, "Theme", StringComparison.OrdinalIgnoreCase);

    public static ModuleDescriptor FromAssembly(Assembly assembly, ModuleAttribute manifest)
    {
        var startup = assembly.GetTypes().FirstOrDefault(t => t is { IsAbstract: false } && typeof(ModuleStartup).IsAssignableFrom(t));
        return new ModuleDescriptor(manifest.Id, manifest.Name, manifest.Dependencies, manifest.AlwaysEnabled, manifest.Description, assembly, startup, manifest.Category);
    }
}
