using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Web.Pages.Admin.Content;

/// <summary>The editors' list of content: one tab per content type, filtered by status and text, paged.</summary>
public sealed class IndexModel(PortalDbContext db, ContentDefinitionManager definitions) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public ContentTypeDefinition? Type { get; private set; }

    public IReadOnlyList<ContentItemRecord> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Status { get; private set; } = "";

    public string Query { get; private set; } = "";

    public async Task OnGetAsync(string? type, string? status, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        Types = (await definitions.ListTypesAsync(cancellationToken)).Where(t => t.Listable || t.Creatable).OrderBy(t => t.DisplayName, StringComparer.CurrentCulture).ToList();
        Type = Types.FirstOrDefault(t => t.Name == type) ?? (Types.Count > 0 ? Types[0] : null);
        Status = status is "published" or "draft" ? status : "";
        Query = (q ?? "").Trim();
        PageNumber = Math.Max(1, page);
        if (Type is null)
        {
            return;
        }

        var items = db.ContentItems.AsNoTracking().Where(r => r.Latest && r.ContentType == Type.Name);
        if (Status == "published")
        {
            items = items.Where(r => db.ContentItems.Any(p => p.ContentItemId == r.ContentItemId && p.Published));
        }
        else if (Status == "draft")
        {
            items = items.Where(r => !r.Published);
        }

        if (Query.Length > 0)
        {
            items = items.Where(r => EF.Functions.Like(r.DisplayText, "%" + Query.Replace("%", "", StringComparison.Ordinal) + "%"));
        }

        Total = await items.CountAsync(cancellationToken);
        Items = await items.OrderByDescending(r => r.ModifiedUtc).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
