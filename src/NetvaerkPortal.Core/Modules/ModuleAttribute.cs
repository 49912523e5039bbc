namespace NetvaerkPortal.Modules;

/// <summary>The manifest of a module: its feature id, a display name and the features it needs.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ModuleAttribute(string id, string name) : Attribute
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string[] Dependencies { get; init; } = [];
    public string Description { get; init; } = "";
    public string Category { get; init; } = "";

    /// <summary>Always on for every tenant (platform features such as content and the theme engine).</summary>
    public bool AlwaysEnabled { get; init; }
}
