using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings.Calendar;

/// <summary>The calendar feeds behind a member's secret key: one network's meetings (the key's owner is a member of it,
/// or an editor), or all the meetings of the owner's networks. The key stands in for a sign-in, so the owner is checked as
/// a session would be: a deleted or locked user's key works no more. Meetings of the last 12 months and all future ones.</summary>
public sealed class CalendarFeeds(
    CalendarKeys keys,
    MeetingsDbContext db,
    PortalDbContext portal,
    UserManager<PortalUser> users,
    NetworkMembers members,
    TimeProvider clock)
{
    public const int MonthsBack = 12;

    /// <summary>The network's feed, or null for every reason to answer 404 (no such key, network or membership).</summary>
    public async Task<string?> NetworkAsync(string? key, string networkId, FeedSite site, CancellationToken cancellationToken = default)
    {
        if (!ContentIds.IsValid(networkId) || await OwnerAsync(key, cancellationToken) is not { } owner
            || !(owner.IsEditor || owner.NetworkIds.Contains(networkId)))
        {
            return null;
        }

        var titles = await TitlesAsync([networkId], cancellationToken);
        return titles.TryGetValue(networkId, out var title)
            ? await WriteAsync(site with { Name = $"{title}: møder" }, titles, cancellationToken)
            : null;
    }

    /// <summary>The meetings of all the owner's networks, or null when the key is no one's.</summary>
    public async Task<string?> MemberAsync(string? key, FeedSite site, CancellationToken cancellationToken = default) =>
        await OwnerAsync(key, cancellationToken) is { } owner
            ? await WriteAsync(site with { Name = "Mine netværksmøder" }, await TitlesAsync(owner.NetworkIds, cancellationToken), cancellationToken)
            : null;

    private async Task<string> WriteAsync(FeedSite site, IReadOnlyDictionary<string, string> networks, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddMonths(-MonthsBack);
        var ids = networks.Keys.ToList();
        var meetings = await db.InPortalTransactionAsync(() => db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.NetworkContentItemId) && m.StartUtc >= since)
            .OrderBy(m => m.StartUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken), cancellationToken);
        return MeetingCalendar.Write(site, meetings.Select(m => new FeedMeeting(m, networks[m.NetworkContentItemId])), since);
    }

    /// <summary>The titles of those of the networks that still exist.</summary>
    private async Task<Dictionary<string, string>> TitlesAsync(IReadOnlyCollection<string> networkIds, CancellationToken cancellationToken) =>
        await portal.ContentItems.AsNoTracking()
            .Where(r => networkIds.Contains(r.ContentItemId) && r.Latest && r.ContentType == NetworkContentTypes.Network)
            .ToDictionaryAsync(r => r.ContentItemId, r => r.DisplayText, StringComparer.Ordinal, cancellationToken);

    private async Task<FeedOwner?> OwnerAsync(string? key, CancellationToken cancellationToken)
    {
        if (await keys.FindUserIdAsync(key, cancellationToken) is not { } userId
            || await users.FindByIdAsync(userId) is not { } user
            || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var networkIds = (await members.ForUserAsync(userId, cancellationToken)).Select(m => m.NetworkContentItemId).ToHashSet(StringComparer.Ordinal);
        return new FeedOwner(roles.Contains(PortalRoles.Administrator) || roles.Contains(PortalRoles.Editor), networkIds);
    }

    private sealed record FeedOwner(bool IsEditor, IReadOnlySet<string> NetworkIds);
}
