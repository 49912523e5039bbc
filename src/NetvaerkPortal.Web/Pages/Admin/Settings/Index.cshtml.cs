using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Media;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages.Admin.Settings;

/// <summary>The organisation's own portal: its name, logo, colours, welcome text, footer contact and accessibility
/// statement, checked by <see cref="SiteSettingsRules"/> as a recipe's settings step is. Nothing is stored unless all of
/// it is valid; an uploaded logo is written under a name the portal makes, and the one it replaces is removed.</summary>
[Authorize(Policy = PortalPolicies.Administrator)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
[RequestSizeLimit(MaxFormBytes)]
public sealed class IndexModel(SiteDocuments documents, PortalDbContext db, SiteDisplays sites, IndexingSignal signal, TenantContext tenant, MediaLocations media, AuditLog audit, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>Room for the largest logo and the texts; a larger body is cut off before it is buffered.</summary>
    public const int MaxFormBytes = 2 * LogoFiles.MaxBytes;

    /// <summary>The form's field for each setting, so a problem is shown beside the field it concerns.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldIds = new Dictionary<string, string>
    {
        ["SiteName"] = "siteName",
        [nameof(SiteBranding.LogoPath)] = "logoPath",
        [nameof(SiteBranding.PrimaryColor)] = "primaryColor",
        [nameof(SiteBranding.AccentColor)] = "accentColor",
        [nameof(SiteBranding.WelcomeText)] = "welcomeText",
        [nameof(SiteBranding.FooterContact)] = "footerContact",
        [nameof(SiteBranding.AccessibilityStatementUrl)] = "statementUrl",
    };

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    /// <summary>Problems by field id, in Danish or English.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public string? Message { get; private set; }

    public string CurrentLogo { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var branding = await SiteBranding.LoadAsync(documents, cancellationToken);
        Input = SettingsInput.From(branding);
        CurrentLogo = branding.LogoPath;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var stored = await SiteBranding.LoadAsync(documents, cancellationToken);
        CurrentLogo = stored.LogoPath;
        var tooLarge = Input.LogoFile is { } file ? LogoFiles.TooLarge(file.Length) : null;
        var upload = tooLarge is null ? await ReadUploadAsync(cancellationToken) : null;
        var branding = Input.ToBranding(Input.RemoveLogo ? "" : Input.LogoPath?.Trim() ?? "");
        IEnumerable<SettingProblem> logoProblems = tooLarge is not null ? [tooLarge] : LogoProblems(branding.LogoPath, stored.LogoPath, upload);
        foreach (var problem in SiteSettingsRules.Check(branding).Concat(logoProblems))
        {
            Errors.TryAdd(FieldIds[problem.Key], text[problem.Template, problem.Arguments]);
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        string? written = null;
        try
        {
            if (upload is not null)
            {
                written = LogoFiles.Save(media.For(tenant), upload);
                branding = branding with { LogoPath = written };
            }

            await branding.SaveAsync(documents, cancellationToken);
            audit.Record(AuditActions.SettingsChanged, branding.SiteName, Changed(stored, branding));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            Errors["logoPath"] = text["Logoet kunne ikke gemmes i portalens mediemappe. Prøv igen, eller bed driften se efter mappen {0}.", "Media/" + LogoFiles.Subfolder];
            return Page();
        }
        catch
        {
            if (written is not null)
            {
                LogoFiles.DeleteUploaded(media.For(tenant), written);
            }

            throw;
        }

        if (stored.LogoPath != branding.LogoPath)
        {
            LogoFiles.DeleteUploaded(media.For(tenant), stored.LogoPath);
        }

        // The next page shows the new settings, and cached anonymous pages are rendered afresh.
        sites.Forget(tenant.Name);
        signal.Pulse(tenant.Name);
        Input = SettingsInput.From(branding);
        CurrentLogo = branding.LogoPath;
        Message = text["Indstillingerne er gemt."];
        return Page();
    }

    /// <summary>The uploaded logo's bytes (read to at most one byte past the limit: the declared length is the client's word), or null.</summary>
    private async Task<byte[]?> ReadUploadAsync(CancellationToken cancellationToken)
    {
        if (Input.LogoFile is not { Length: > 0 } file)
        {
            return null;
        }

        var buffer = new byte[LogoFiles.MaxBytes + 1];
        var length = 0;
        await using (var stream = file.OpenReadStream())
        {
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
        }

        return buffer[..length];
    }

    /// <summary>An upload is checked by its content; a path given by hand must name an image in the media folder that is there.</summary>
    private IEnumerable<SettingProblem> LogoProblems(string path, string stored, byte[]? upload)
    {
        if (upload is not null)
        {
            if (LogoFiles.Check(upload) is { } problem)
            {
                yield return problem;
            }

            yield break;
        }

        if (path.Length == 0 || path == stored || SiteSettingsRules.LogoPath(path) is not null)
        {
            yield break;
        }

        if (MediaFiles.Resolve(media.For(tenant), path) is not { } file || !System.IO.File.Exists(file))
        {
            yield return new SettingProblem("LogoPath", "There is no file {0} in the portal's media. Upload the logo instead, or give the path of an image that is there.", path);
        }
        else if (LogoFiles.Check(System.IO.File.ReadAllBytes(file)) is { } problem)
        {
            yield return problem;
        }
    }

    private static string Changed(SiteBranding before, SiteBranding after)
    {
        var changed = new List<string>();
        void Compare(string name, string a, string b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changed.Add(name);
            }
        }

        Compare("SiteName", before.SiteName, after.SiteName);
        Compare(nameof(SiteBranding.LogoPath), before.LogoPath, after.LogoPath);
        Compare(nameof(SiteBranding.PrimaryColor), before.PrimaryColor, after.PrimaryColor);
        Compare(nameof(SiteBranding.AccentColor), before.AccentColor, after.AccentColor);
        Compare(nameof(SiteBranding.WelcomeText), before.WelcomeText, after.WelcomeText);
        Compare(nameof(SiteBranding.FooterContact), before.FooterContact, after.FooterContact);
        Compare(nameof(SiteBranding.AccessibilityStatementUrl), before.AccessibilityStatementUrl, after.AccessibilityStatementUrl);
        return changed.Count == 0 ? "ingen ændringer" : string.Join(", ", changed);
    }

    public sealed class SettingsInput
    {
        public string SiteName { get; set; } = "";

        public string? LogoPath { get; set; }

        public bool RemoveLogo { get; set; }

        public IFormFile? LogoFile { get; set; }

        public string PrimaryColor { get; set; } = "";

        public string AccentColor { get; set; } = "";

        public string? WelcomeText { get; set; }

        public string? FooterContact { get; set; }

        public string? AccessibilityStatementUrl { get; set; }

        public static SettingsInput From(SiteBranding branding) => new()
        {
            SiteName = branding.SiteName,
            LogoPath = branding.LogoPath,
            PrimaryColor = branding.PrimaryColor,
            AccentColor = branding.AccentColor,
            WelcomeText = branding.WelcomeText,
            FooterContact = branding.FooterContact,
            AccessibilityStatementUrl = branding.AccessibilityStatementUrl,
        };

        public SiteBranding ToBranding(string logoPath) => new()
        {
            SiteName = (SiteName ?? "").Trim(),
            LogoPath = logoPath,
            PrimaryColor = (PrimaryColor ?? "").Trim().ToLowerInvariant(),
            AccentColor = (AccentColor ?? "").Trim().ToLowerInvariant(),
            // Browsers send line breaks in a textarea as CR LF; the text is stored as it is written elsewhere.
            WelcomeText = (WelcomeText ?? "").ReplaceLineEndings("\n").Trim(),
            FooterContact = (FooterContact ?? "").Trim(),
            AccessibilityStatementUrl = (AccessibilityStatementUrl ?? "").Trim(),
        };
    }
}
