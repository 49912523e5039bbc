using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Web.Pages.Account;

/// <summary>A signed-in member sees and downloads their own personal data (the same JSON as GET /api/me/data).</summary>
[Authorize]
public sealed class DataModel(UserManager<PortalUser> users, PersonalDataExport export) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new(PersonalDataExport.JsonOptions)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Json { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ExportAsync(cancellationToken) is not { } json)
        {
            return Challenge();
        }

        Json = json;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (await ExportAsync(cancellationToken) is not { } json)
        {
            return Challenge();
        }

        return File(Encoding.UTF8.GetBytes(json), "application/json", $"mine-data-{User.Identity!.Name}.json");
    }

    private async Task<string?> ExportAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        // Personal data never sits in a shared cache.
        Response.Headers.CacheControl = "private, no-store";
        return (await export.ExportAsync(user, cancellationToken)).ToJsonString(Indented);
    }
}
