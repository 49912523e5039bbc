using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;

namespace Netvaerk.Meetings.Planning;

/// <summary>User ids inside, user names at the edge (API, pages): the two directions in bulk.</summary>
public sealed class MeetingPeople(PortalDbContext portal)
{
    /// <summary>User name by user id for the ids given (unknown ids are left out).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var rows = await portal.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken);
        return rows.Where(r => r.UserName is not null).ToDictionary(r => r.Id, r => r.UserName!, StringComparer.Ordinal);
    }

    /// <summary>The user id for a user name (as Identity normalises it), or null.</summary>
    public async Task<string?> IdAsync(string? userName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || userName.Length > 256)
        {
            return null;
        }

        var normalized = userName.Trim().Normalize().ToUpperInvariant();
        return await portal.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
