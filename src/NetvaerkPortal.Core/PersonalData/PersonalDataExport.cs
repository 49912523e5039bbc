using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.PersonalData;

/// <summary>A member's own data as JSON (GDPR art. 15 and 20): profile, what they wrote, their tokens'
/// metadata (never a token or its hash), and what the modules hold about them (network memberships).</summary>
public sealed class PersonalDataExport(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IEnumerable<IPersonalDataHandler> handlers,
    TenantContext tenant,
    TimeProvider clock)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<JsonObject> ExportAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var subject = new PersonalDataSubject(user.Id, user.UserName ?? "");
        var profile = new ProfileData(subject.UserName, user.Email, [.. await users.GetRolesAsync(user)], user.CreatedUtc);
        var export = new JsonObject
        {
            ["exportedUtc"] = clock.GetUtcNow().UtcDateTime,
            ["tenant"] = tenant.Name,
            ["profile"] = Node(profile),
            ["content"] = Node(await ContentAsync(subject, cancellationToken)),
            ["tokens"] = Node(await TokensAsync(user.Id, cancellationToken)),
        };
        foreach (var handler in handlers)
        {
            await handler.ExportAsync(subject, export, cancellationToken);
        }

        return export;
    }

    public static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, JsonOptions);

    /// <summary>Every item of which the member owns or wrote a version, as it stands now (deleted ones included:
    /// their versions are kept, so they are still the member's data).</summary>
    private async Task<List<WrittenItem>> ContentAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var ids = await db.ContentItems.AsNoTracking()
            .Where(r => r.Owner == subject.UserId || r.Owner == subject.UserName || r.Author == subject.UserName)
            .Select(r => r.ContentItemId).Distinct().ToListAsync(cancellationToken);
        var versions = await db.ContentItems.AsNoTracking().Where(r => ids.Contains(r.ContentItemId))
            .Select(r => new { r.Id, r.ContentItemId, r.ContentType, r.DisplayText, r.Latest, r.Published, r.CreatedUtc, r.ModifiedUtc })
            .ToListAsync(cancellationToken);
        var paths = await db.AutorouteIndex.AsNoTracking().Where(r => ids.Contains(r.ContentItemId) && r.Published)
            .ToDictionaryAsync(r => r.ContentItemId, r => r.Path, cancellationToken);
        return versions.GroupBy(v => v.ContentItemId).Select(item =>
        {
            var current = item.FirstOrDefault(v => v.Latest) ?? item.MaxBy(v => v.Id)!;
            var published = item.Any(v => v.Published);
            var state = published ? "Published" : current.Latest ? "Draft" : "Deleted";
            return new WrittenItem(item.Key, current.ContentType, current.DisplayText, state, current.CreatedUtc, current.ModifiedUtc,
                published ? Url(item.Key, paths.GetValueOrDefault(item.Key)) : null);
        }).OrderByDescending(i => i.ModifiedUtc).ToList();
    }

    private async Task<List<TokenData>> TokensAsync(string userId, CancellationToken cancellationToken) =>
        await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id)
            .Select(t => new TokenData(t.Name, t.CreatedUtc, t.LastUsedUtc, t.ExpiresUtc, t.RevokedUtc))
            .ToListAsync(cancellationToken);

    private string Url(string contentItemId, string? path) =>
        string.IsNullOrEmpty(path)
            ? $"{tenant.PathBase}/content/{Uri.EscapeDataString(contentItemId)}"
            : $"{tenant.PathBase}/{string.Join('/', path.Trim('/').Split('/').Select(Uri.EscapeDataString))}";

    public sealed record ProfileData(string UserName, string? Email, IReadOnlyList<string> Roles, DateTime CreatedUtc);

    /// <param name="State">"Published", "Draft" or "Deleted".</param>
    /// <param name="Url">The item's page, when it is published.</param>
    public sealed record WrittenItem(string ContentItemId, string ContentType, string? Title, string State, DateTime CreatedUtc, DateTime ModifiedUtc, string? Url);

    public sealed record TokenData(string Name, DateTime CreatedUtc, DateTime? LastUsedUtc, DateTime? ExpiresUtc, DateTime? RevokedUtc);
}
