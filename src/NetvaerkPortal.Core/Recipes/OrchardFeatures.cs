namespace NetvaerkPortal.Recipes;

/// <summary>How Orchard Core's feature ids map onto this portal, so Orchard recipes run here:
/// some are one of our modules, some are part of the platform and always on, the rest do not exist here.</summary>
public static class OrchardFeatures
{
    private static readonly Dictionary<string, string> Equivalents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OrchardCore.Search.Lucene"] = "Netvaerk.Search.Lucene",
        ["OrchardCore.Lucene"] = "Netvaerk.Search.Lucene",
        ["OrchardCore.Tenants"] = "Netvaerk.Tenants",
    };

    /// <summary>Orchard features whose work the platform does itself for every tenant.</summary>
    private static readonly HashSet<string> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        "OrchardCore.Admin", "OrchardCore.Autoroute", "OrchardCore.ContentTypes", "OrchardCore.Contents", "OrchardCore.Features",
        "OrchardCore.HomeRoute", "OrchardCore.Indexing", "OrchardCore.Liquid", "OrchardCore.Markdown", "OrchardCore.Media",
        "OrchardCore.Recipes", "OrchardCore.Resources", "OrchardCore.Roles", "OrchardCore.Search", "OrchardCore.Security",
        "OrchardCore.Settings", "OrchardCore.Templates", "OrchardCore.Themes", "OrchardCore.Title", "OrchardCore.Users",
        "OrchardCore.Diagnostics", "OrchardCore.Navigation", "OrchardCore.Deployment", "OrchardCore.Localization",
    };

    /// <summary>The portal feature an id stands for; null when the platform always provides it.</summary>
    public static FeatureMapping Map(string featureId, Func<string, bool> isModule)
    {
        if (isModule(featureId))
        {
            return new FeatureMapping(featureId, FeatureKind.Module);
        }

        if (Equivalents.TryGetValue(featureId, out var module) && isModule(module))
        {
            return new FeatureMapping(module, FeatureKind.Module);
        }

        return BuiltIn.Contains(featureId) ? new FeatureMapping(null, FeatureKind.BuiltIn) : new FeatureMapping(null, FeatureKind.Unknown);
    }
}

public enum FeatureKind
{
    Module,
    BuiltIn,
    Unknown,
}

public sealed record FeatureMapping(string? ModuleId, FeatureKind Kind);
