using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Files;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Recipes.Steps;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Admin.Templates;

/// <summary>The templates the modules and the theme ship, where each one in use comes from, and the tenant's own versions
/// of them (the "Templates" document, as a recipe's Templates step writes it). A version is stored only when it parses;
/// one that fails while rendering is skipped by the pages and its error is shown here.</summary>
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed partial class IndexModel(
    ModuleTemplates modules,
    TemplateResolver resolver,
    TemplateProblems problems,
    SiteDisplays sites,
    SiteDocuments documents,
    PortalDbContext db,
    TenantContext tenant,
    IndexingSignal signal,
    AuditLog audit,
    IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>Far above any real template; keeps one tenant's document from growing without end.</summary>
    public const int MaxTemplateLength = 100_000;

    public IReadOnlyList<TemplateRow> Rows { get; private set; } = [];

    /// <summary>The template the page is about (?name=), when the name is allowed.</summary>
    public string? Name { get; private set; }

    public TemplateRow? Selected { get; private set; }

    /// <summary>The text the module or theme ships under <see cref="Name"/> (what the tenant's version replaces), or null.</summary>
    public string? ShippedSource { get; private set; }

    public string? ShippedBy { get; private set; }

    /// <summary>What the editor shows: the tenant's version, the text just posted, or the shipped text to start from.</summary>
    public string EditorText { get; private set; } = "";

    public string? Problem { get; private set; }

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        await LoadAsync(name, cancellationToken);
        if (name is not null && Name is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(string? name, string? content, CancellationToken cancellationToken)
    {
        content = (content ?? "").ReplaceLineEndings("\n");
        if (await LoadAsync(name, cancellationToken) is not { } chosen)
        {
            return Refused();
        }

        var problem = content.Trim().Length == 0
            ? text["Skabelonen er tom. Skriv skabelonens Liquid, eller slet jeres version for at bruge den, der følger med."].Value
            : content.Length > MaxTemplateLength
                ? text["Skabelonen fylder {0} tegn; højst {1} er tilladt.", content.Length, MaxTemplateLength].Value
                : ContentText.FindForbidden(content, multiLine: true) is { } found
                    ? text["Skabelonen indeholder kontroltegnet U+{0:X4} på plads {1}. Fjern det; kun tabulatorer og linjeskift er tilladt.", found.CodePoint, found.Position + 1].Value
                    : !resolver.TryParse(content, out _, out var parseError)
                        ? text["Skabelonen er ikke gemt, fordi den ikke kan læses som Liquid ({0}): {1}", Where(parseError!), parseError!].Value
                        : null;
        if (problem is not null)
        {
            EditorText = content;
            return Refused(problem);
        }

        var stored = await documents.GetAsync<Dictionary<string, TemplatesStep.TemplateEntry>>(TemplatesStep.DocumentName, cancellationToken);
        var description = Remove(stored, chosen)?.Description ?? "";
        stored[chosen] = new TemplatesStep.TemplateEntry { Content = content, Description = description };
        await documents.SetAsync(TemplatesStep.DocumentName, stored, cancellationToken);
        audit.Record(AuditActions.TemplateSaved, chosen, $"{content.Length} tegn");
        await db.SaveChangesAsync(cancellationToken);
        Changed(chosen);
        await LoadAsync(chosen, cancellationToken);
        Message = text["Jeres version af »{0}« er gemt og bruges nu.", chosen];
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? name, CancellationToken cancellationToken)
    {
        if (await LoadAsync(name, cancellationToken) is not { } chosen)
        {
            return Refused();
        }

        var stored = await documents.GetAsync<Dictionary<string, TemplatesStep.TemplateEntry>>(TemplatesStep.DocumentName, cancellationToken);
        if (Remove(stored, chosen) is null)
        {
            return Refused(text["I har ingen egen version af »{0}« at slette.", chosen]);
        }

        await documents.SetAsync(TemplatesStep.DocumentName, stored, cancellationToken);
        audit.Record(AuditActions.TemplateDeleted, chosen);
        await db.SaveChangesAsync(cancellationToken);
        Changed(chosen);
        await LoadAsync(chosen, cancellationToken);
        Message = ShippedSource is null
            ? text["Jeres version af »{0}« er slettet.", chosen]
            : text["Jeres version af »{0}« er slettet; den, der følger med, bruges igen.", chosen];
        return Page();
    }

    /// <summary>Fills the list and, when <paramref name="name"/> is an allowed template name, the page about it; returns that name.</summary>
    private async Task<string?> LoadAsync(string? name, CancellationToken cancellationToken)
    {
        sites.Forget(tenant.Name);
        var site = await sites.GetAsync(tenant.Name, documents, cancellationToken);
        var stored = await documents.GetAsync<Dictionary<string, TemplatesStep.TemplateEntry>>(TemplatesStep.DocumentName, cancellationToken);
        var tenantProblems = problems.For(tenant.Name);
        Rows = modules.AllNames().Concat(stored.Keys).Where(TemplatesStep.IsTemplateName)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(n => Row(n, site, stored, tenantProblems))
            .ToList();
        if (name is null && !HttpMethods.IsPost(Request.Method))
        {
            return null;
        }

        if (name is null || !TemplatesStep.IsTemplateName(name))
        {
            Error = text["»{0}« kan ikke være navnet på en skabelon. Brug 1–80 bogstaver, tal, mellemrum og tegnene _ - . ( ) + , – fx »Content-Case.Summary«.", SafePaths.Show(name)];
            return null;
        }

        Name = Rows.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))?.Name ?? name;
        Selected = Rows.FirstOrDefault(r => r.Name == Name) ?? Row(Name, site, stored, tenantProblems);
        // What the tenant's version replaces: the theme's or enabled module's in use, else any module's that ships it.
        ShippedBy = resolver.Candidates([Name], tenant.Name, site).FirstOrDefault(c => c.Origin != TemplateOrigin.Tenant)?.Source
            ?? modules.ByModule.Where(m => m.Value.ContainsKey(Name)).Select(m => m.Key).FirstOrDefault();
        ShippedSource = ShippedBy is null ? null : modules.Find(ShippedBy, Name);
        EditorText = Find(stored, Name)?.Content ?? ShippedSource ?? "";
        Problem = Selected.Problem;
        return Name;
    }

    private TemplateRow Row(string name, SiteDisplay site, Dictionary<string, TemplatesStep.TemplateEntry> stored, IReadOnlyList<TemplateProblem> tenantProblems)
    {
        var inUse = resolver.Candidates([name], tenant.Name, site).FirstOrDefault();
        var sources = modules.ByModule.Where(m => m.Value.ContainsKey(name))
            .Select(m => new TemplateSource(m.Key, modules.Themes.Contains(m.Key, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var problem = tenantProblems.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Error;
        return new TemplateRow(name, sources, Find(stored, name) is not null, inUse?.Origin, inUse?.Source, problem);
    }

    private PageResult Refused(string? error = null)
    {
        Error = error ?? Error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>After a change: pages use it from the next request, cached anonymous pages go, an old problem is forgotten
    /// (if the new version fails while rendering, it is reported again).</summary>
    private void Changed(string name)
    {
        foreach (var problem in problems.For(tenant.Name).Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Clear(tenant.Name, problem.Name);
        }

        sites.Forget(tenant.Name);
        signal.Pulse(tenant.Name);
    }

    private static TemplatesStep.TemplateEntry? Find(Dictionary<string, TemplatesStep.TemplateEntry> stored, string name) =>
        stored.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Removes every entry named <paramref name="name"/> in any spelling (the pages look names up ignoring case); returns one of them.</summary>
    private static TemplatesStep.TemplateEntry? Remove(Dictionary<string, TemplatesStep.TemplateEntry> stored, string name)
    {
        TemplatesStep.TemplateEntry? removed = null;
        foreach (var key in stored.Keys.Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            removed = stored[key];
            stored.Remove(key);
        }

        return removed;
    }

    /// <summary>"linje 3, kolonne 7" from Fluid's "(3:7)" in a parse error, else an empty string.</summary>
    private string Where(string error) =>
        Position().Match(error) is { Success: true } match
            ? text["linje {0}, kolonne {1}", match.Groups[1].Value, match.Groups[2].Value].Value
            : text["ukendt sted"].Value;

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();

    public sealed record TemplateSource(string Module, bool IsTheme);

    public sealed record TemplateRow(string Name, IReadOnlyList<TemplateSource> Sources, bool HasOverride, TemplateOrigin? InUse, string? InUseFrom, string? Problem);
}
