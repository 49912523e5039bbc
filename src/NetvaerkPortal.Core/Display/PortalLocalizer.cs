using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace NetvaerkPortal.Display;

/// <summary>One localizer for the whole UI (Razor pages, Liquid's <c>t</c> filter, messages). The UI is written in
/// Danish; each module carries <c>Texts/en.json</c> (Danish source text → English; a module may split them as <c>Texts/{feature}.en.json</c>) and, for messages the platform
/// writes in English (e.g. tenant validation, shared with the command line), <c>Texts/da.json</c>. Keys are the
/// source texts themselves, so a missing translation still reads well. A later module's text wins over an earlier one's.</summary>
public sealed class PortalLocalizerFactory : IStringLocalizerFactory
{
    private readonly PortalLocalizer _localizer;

    public PortalLocalizerFactory(NetvaerkPortal.Modules.ModuleCatalog modules)
    {
        var assemblies = new[] { typeof(PortalLocalizerFactory).Assembly }
            .Concat(modules.Ordered.Select(m => m.Assembly).OfType<Assembly>())
            .Distinct()
            .ToList();
        _localizer = new PortalLocalizer(Load(assemblies, "en"), Load(assemblies, "da"));
    }

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;

    private static FrozenDictionary<string, string> Load(IEnumerable<Assembly> assemblies, string language)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            // "Texts/en.json" and, for a module that splits its texts by feature, "Texts/{feature}.en.json".
            foreach (var resource in assembly.GetManifestResourceNames()
                .Where(r => r.StartsWith("Texts/", StringComparison.Ordinal) && (r == $"Texts/{language}.json" || r.EndsWith($".{language}.json", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                {
                    texts[key] = value;
                }
            }
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

public sealed class PortalLocalizer(FrozenDictionary<string, string> english, FrozenDictionary<string, string> danish) : IStringLocalizer
{
    public LocalizedString this[string name] => Translate(name, []);

    public LocalizedString this[string name, params object[] arguments] => Translate(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        english.Select(pair => new LocalizedString(pair.Key, IsEnglish ? pair.Value : pair.Key));

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private LocalizedString Translate(string name, object[] arguments)
    {
        var found = (IsEnglish ? english : danish).TryGetValue(name, out var translated);
        var text = found ? translated! : name;
        return new LocalizedString(name, arguments.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, arguments), resourceNotFound: !found);
    }
}
