using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Web.Pages.Admin.Audit;

/// <summary>The tenant's audit log for its administrators: 50 entries a page, newest first, filtered by action.</summary>
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed class IndexModel(AuditLog audit, IEnumerable<AuditAction> actions) : PageModel
{
    /// <summary>Every action the platform and the modules record, with its Danish label.</summary>
    public IReadOnlyList<AuditAction> Actions { get; } = actions.ToList();

    public string Action { get; private set; } = "";

    public AuditPage Result { get; private set; } = new([], 0, 1, 1);

    /// <remarks>From the query explicitly: Razor Pages keep their own "page" route value.</remarks>
    public async Task OnGetAsync([FromQuery] string? action, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        Action = Actions.Any(a => a.Action == action) ? action! : "";
        Result = await audit.PageAsync(Action, page, cancellationToken);
    }
}
