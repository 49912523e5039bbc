using System.Collections.Concurrent;
using Fluid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes.Steps;

namespace NetvaerkPortal.Display;

public enum TemplateOrigin
{
    /// <summary>The tenant's own version (recipe "Templates" step or /admin/templates).</summary>
    Tenant,
    Theme,
    Module,
}

/// <summary>One template the resolver found: where it came from and, unless it failed to parse, the parsed template.</summary>
public sealed record ResolvedTemplate(string Name, TemplateOrigin Origin, string Source, IFluidTemplate Template);

/// <summary>Finds the template for a shape: for each name, most specific first ("Content-Case.Summary", "Content.Summary"),
/// the tenant's override, then the active theme's, then the module's that owns it. Every template is parsed once and
/// kept; a tenant's override that does not parse or fails while rendering is skipped (the next in the order renders the
/// page) and reported in <see cref="TemplateProblems"/> for the administrators.</summary>
/// <remarks>Fluid's rules for speed: one parser, one <see cref="TemplateOptions"/>, each template parsed once.
/// Output is HTML-encoded; a template writes trusted HTML only through <c>| raw</c>.</remarks>
public sealed class TemplateResolver(ModuleTemplates modules, IOptions<TemplateOptions> options, TemplateProblems problems, ILogger<TemplateResolver> logger)
{
    private readonly FluidParser _parser = new();
    private readonly ConcurrentDictionary<(string Module, string Name), IFluidTemplate> _shipped = new();
    private readonly ConcurrentDictionary<(string Tenant, string Name), (string Source, IFluidTemplate? Template, string? Error)> _overrides = new();
    private long _parses;

    public TemplateOptions Options { get; } = options.Value;

    /// <summary>How many templates have been parsed since start: a test sees that pages do not parse per request.</summary>
    public long Parses => Interlocked.Read(ref _parses);

    /// <summary>The templates for <paramref name="names"/> in the order they are tried.</summary>
    public IEnumerable<ResolvedTemplate> Candidates(IReadOnlyList<string> names, string tenantName, SiteDisplay site, bool admin = false)
    {
        var theme = admin ? site.AdminTheme : site.SiteTheme;
        foreach (var name in names.Where(TemplatesStep.IsTemplateName))
        {
            if (site.Overrides.TryGetValue(name, out var source) && Override(tenantName, name, source) is { } own)
            {
                yield return own;
            }

            if (theme.Length > 0 && Shipped(theme, name) is { } themed)
            {
                yield return themed;
            }

            foreach (var module in modules.ModulesLastFirst)
            {
                if (site.Features.Contains(module) && Shipped(module, name) is { } shipped)
                {
                    yield return shipped;
                }
            }
        }
    }

    /// <summary>Renders the first template for <paramref name="names"/> that renders; false when there is none. Each try gets
    /// a fresh context from <paramref name="newContext"/>: a failed override leaves neither its variables nor its step count behind.</summary>
    public async Task<bool> TryRenderAsync(IReadOnlyList<string> names, Func<TemplateContext> newContext, TextWriter output, string tenantName, SiteDisplay site, bool admin = false)
    {
        foreach (var template in Candidates(names, tenantName, site, admin))
        {
            var context = newContext();
            if (template.Origin != TemplateOrigin.Tenant)
            {
                await template.Template.RenderAsync(output, context, Html.Encoder);
                return true;
            }

            // An override renders to a buffer first, so that one failing halfway leaves nothing on the page.
            try
            {
                await using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                await template.Template.RenderAsync(buffer, context, Html.Encoder);
                await output.WriteAsync(buffer.ToString());
                return true;
            }
            catch (Exception error) when (error is not OperationCanceledException and not OutOfMemoryException)
            {
                problems.Report(tenantName, template.Name, error.Message);
                logger.LogWarning("Tenant {Tenant}'s template '{Template}' failed while rendering, so the next template is used: {Error}", tenantName, template.Name, error.Message);
            }
        }

        return false;
    }

    /// <summary>Drops the tenant's parsed overrides (an idle tenant); they are parsed again when next rendered.</summary>
    public void ForgetTenant(string tenantName)
    {
        foreach (var key in _overrides.Keys.Where(key => string.Equals(key.Tenant, tenantName, StringComparison.OrdinalIgnoreCase)))
        {
            _overrides.TryRemove(key, out _);
        }
    }

    /// <summary>Parses a template the way a tenant override is parsed; the error says where (line and column) it fails.</summary>
    public bool TryParse(string source, out IFluidTemplate? template, out string? error)
    {
        Interlocked.Increment(ref _parses);
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

    private ResolvedTemplate? Override(string tenantName, string name, string source)
    {
        var key = (tenantName.ToLowerInvariant(), name.ToLowerInvariant());
        if (!_overrides.TryGetValue(key, out var parsed) || !string.Equals(parsed.Source, source, StringComparison.Ordinal))
        {
            parsed = TryParse(source, out var template, out var error) ? (source, template, null) : (source, null, error);
            _overrides[key] = parsed;
            if (parsed.Error is not null)
            {
                problems.Report(tenantName, name, parsed.Error);
                logger.LogWarning("Tenant {Tenant}'s template '{Template}' does not parse, so the next template is used: {Error}", tenantName, name, parsed.Error);
            }
            else
            {
                problems.Clear(tenantName, name);
            }
        }

        return parsed.Template is null ? null : new ResolvedTemplate(name, TemplateOrigin.Tenant, tenantName, parsed.Template);
    }

    private ResolvedTemplate? Shipped(string module, string name)
    {
        if (modules.Find(module, name) is not { } source)
        {
            return null;
        }

        var template = _shipped.GetOrAdd((module, name.ToLowerInvariant()), static (key, state) =>
            state.self.TryParse(state.source, out var parsed, out var error)
                ? parsed!
                : throw new InvalidOperationException($"{key.Module}'s template '{SafePaths.Show(key.Name)}' does not parse: {error}"), (self: this, source));
        return new ResolvedTemplate(name, modules.Themes.Contains(module, StringComparer.OrdinalIgnoreCase) ? TemplateOrigin.Theme : TemplateOrigin.Module, module, template);
    }
}

/// <summary>Tenant templates that failed, by tenant and name, until they are fixed: the layout shows them to administrators.</summary>
public sealed class TemplateProblems
{
    private readonly ConcurrentDictionary<(string Tenant, string Name), string> _problems = new();

    public void Report(string tenantName, string name, string error) => _problems[(tenantName.ToLowerInvariant(), name)] = error;

    public void Clear(string tenantName, string name) => _problems.TryRemove((tenantName.ToLowerInvariant(), name), out _);

    public void ClearTenant(string tenantName)
    {
        foreach (var key in _problems.Keys.Where(k => string.Equals(k.Tenant, tenantName, StringComparison.OrdinalIgnoreCase)))
        {
            _problems.TryRemove(key, out _);
        }
    }

    public IReadOnlyList<TemplateProblem> For(string tenantName) =>
        _problems.Where(pair => string.Equals(pair.Key.Tenant, tenantName, StringComparison.OrdinalIgnoreCase))
            .Select(pair => new TemplateProblem(pair.Key.Name, pair.Value))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}

public sealed record TemplateProblem(string Name, string Error);
