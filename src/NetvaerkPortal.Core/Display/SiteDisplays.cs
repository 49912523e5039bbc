using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Recipes.Steps;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Display;

/// <summary>What every page of a tenant needs from its documents: template overrides, the themes, the branding
/// and the enabled features.</summary>
public sealed record SiteDisplay(
    IReadOnlyDictionary<string, string> Overrides,
    string SiteTheme,
    string AdminTheme,
    SiteBranding Branding,
    IReadOnlySet<string> Features);

/// <summary>Keeps each tenant's <see cref="SiteDisplay"/> for a few seconds so that a page costs no document reads;
/// whoever saves one of those documents calls <see cref="Forget"/> (another node sees the change within <see cref="Lifetime"/>).</summary>
public sealed class SiteDisplays
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly TenantFeatures features;
    private readonly ModuleTemplates templates;
    private readonly TimeProvider clock;

    public SiteDisplays(TenantFeatures features, ModuleTemplates templates, TimeProvider clock, TenantChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        this.features = features;
        this.templates = templates;
        this.clock = clock;
        // A tenant changed elsewhere (or disabled and set up again) shows its new settings at once, not after Lifetime.
        changes.Changed += Forget;
    }

    private readonly ConcurrentDictionary<string, (SiteDisplay Display, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<SiteDisplay> GetAsync(string tenantName, SiteDocuments documents, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(tenantName, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.Display;
        }

        var overrides = await documents.GetAsync<Dictionary<string, TemplatesStep.TemplateEntry>>(TemplatesStep.DocumentName, cancellationToken);
        var themes = await documents.GetAsync<ThemesStep.ThemeSettings>(ThemesStep.DocumentName, cancellationToken);
        var settings = await documents.GetAsync<Dictionary<string, JsonNode?>>(SettingsStep.DocumentName, cancellationToken);
        // Names are looked up ignoring case; should the document hold one name in two spellings, the later entry wins rather than every page failing.
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, entry) in overrides.Where(pair => !string.IsNullOrWhiteSpace(pair.Value?.Content)))
        {
            byName[name] = entry.Content;
        }

        var display = new SiteDisplay(
            byName,
            Theme(themes.Site),
            Theme(string.IsNullOrEmpty(themes.Admin) ? themes.Site : themes.Admin),
            SiteBranding.From(settings),
            await features.GetAsync(tenantName, documents, cancellationToken));
        _cache[tenantName] = (display, clock.GetUtcNow() + Lifetime);
        return display;
    }

    public void Forget(string tenantName) => _cache.TryRemove(tenantName, out _);

    /// <summary>The named theme when the portal has it, else the first theme there is (a recipe may name Orchard Core's "TheAdmin").</summary>
    private string Theme(string name) =>
        templates.Themes.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)) ?? (templates.Themes.Count > 0 ? templates.Themes[0] : "");
}
