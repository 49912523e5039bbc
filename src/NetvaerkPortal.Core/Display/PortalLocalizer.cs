using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace NetvaerkPortal.Display;

/// <summary>The UI is written in Danish and en.json translates it to English; messages the platform
/// writes in English (e.g. tenant validation, shared with the command line) have Danish in da.json.
/// Keys are the source texts themselves, so a missing translation still reads well.</summary>
public sealed class PortalLocalizerFactory : IStringLocalizerFactory
{
    private readonly PortalLocalizer _localizer = new(Load("en"), Load("da"));

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;

    private static FrozenDictionary<string, string> Load(string language)
    {
        using var stream = typeof(PortalLocalizerFactory).Assembly.GetManifestResourceStream($"NetvaerkPortal.Display.{language}.json")
            ?? throw new InvalidOperationException($"The {language} translations are missing from the assembly.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary(StringComparer.Ordinal);
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
