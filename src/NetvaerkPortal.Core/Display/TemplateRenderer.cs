using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Data;
using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes.Steps;

namespace NetvaerkPortal.Display;

/// <summary>Renders the theme's Liquid templates (<c>Themes/Netvaerk.Theme/Views/{name}.liquid</c> in the
/// output folder) with Fluid; a tenant overrides a template by name in its "Templates" document (the
/// recipe's Templates step), without a build.</summary>
/// <remarks>
/// Fluid's rules for speed: one parser, one <see cref="TemplateOptions"/>, each template parsed once.
/// Modules make their view models readable by registering them on the options:
/// <c>services.Configure&lt;TemplateOptions&gt;(o =&gt; o.MemberAccessStrategy.Register&lt;SearchPage&gt;())</c>.
/// Output is HTML-encoded; a template writes trusted HTML only through <c>| raw</c>.
/// </remarks>
public sealed class TemplateRenderer
{
    /// <summary>Where the theme's templates are copied beside the program.</summary>
    public static readonly string ThemeViewsPath = Path.Combine(AppContext.BaseDirectory, "Themes", "Netvaerk.Theme", "Views");

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options;
    private readonly ILogger<TemplateRenderer> _logger;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _theme = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Tenant, string Name), ParsedOverride> _overrides = new();

    public TemplateRenderer(IOptions<TemplateOptions> options, ILogger<TemplateRenderer> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The template names the theme ships.</summary>
    public static IReadOnlyList<string> ThemeTemplateNames() =>
        Directory.Exists(ThemeViewsPath)
            ? Directory.GetFiles(ThemeViewsPath, "*.liquid").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Renders template <paramref name="name"/> of the tenant (its override, else the theme's) with <paramref name="model"/> as the root scope.</summary>
    public async Task RenderAsync(string name, object model, TextWriter output, string tenantName, SiteDocuments documents, CancellationToken cancellationToken = default)
    {
        var template = await GetAsync(name, tenantName, documents, cancellationToken);
        var context = new TemplateContext(model, _options);
        await template.RenderAsync(output, context, Encoder);
    }

    /// <summary>Parses a template the way a tenant override would be parsed; the error says where it fails.</summary>
    public bool TryParseTemplate(string source, out IFluidTemplate? template, out string? error)
    {
        if (_parser.TryParse(source, out var parsed, out var message))
        {
            template = parsed;
            error = null;
            return true;
        }

        template = null;
        error = message;
        return false;
    }

    private async Task<IFluidTemplate> GetAsync(string name, string tenantName, SiteDocuments documents, CancellationToken cancellationToken)
    {
        var overrides = await documents.GetAsync<Dictionary<string, TemplatesStep.TemplateEntry>>(TemplatesStep.DocumentName, cancellationToken);
        var key = (tenantName.ToLowerInvariant(), name.ToLowerInvariant());
        var entry = overrides.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        if (entry is null || string.IsNullOrWhiteSpace(entry.Content))
        {
            _overrides.TryRemove(key, out _);
            return Theme(name);
        }

        if (_overrides.TryGetValue(key, out var cached) && string.Equals(cached.Source, entry.Content, StringComparison.Ordinal))
        {
            return cached.Template ?? Theme(name);
        }

        // A broken override must not take the page down: the theme's template stands in, and the log says why.
        IFluidTemplate? template = null;
        if (TryParseTemplate(entry.Content, out var parsed, out var error))
        {
            template = parsed;
        }
        else
        {
            _logger.LogWarning("Tenant {Tenant}'s template '{Template}' does not parse, so the theme's is used: {Error}", tenantName, name, error);
        }

        _overrides[key] = new ParsedOverride(entry.Content, template);
        return template ?? Theme(name);
    }

    private IFluidTemplate Theme(string name) => _theme.GetOrAdd(name, static (name, self) =>
    {
        // A name can come from data (a content type's alternate), so it goes through the one path checker.
        var path = TemplatesStep.IsTemplateName(name) ? SafePaths.Inside(ThemeViewsPath, name + ".liquid") : null;
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException($"The theme has no template '{SafePaths.Show(name)}' in {ThemeViewsPath}. Build the theme project, or add the template.");
        }

        return self._parser.TryParse(File.ReadAllText(path), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The theme's template '{name}' does not parse: {error}");
    }, this);

    private sealed record ParsedOverride(string Source, IFluidTemplate? Template);
}
