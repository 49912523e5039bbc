using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Netvaerk.Meetings.Data;

namespace Netvaerk.Meetings.Planning;

/// <summary>One meeting as the rotation sees it, in the network's chronological order.</summary>
/// <param name="Declined">Members who answered no: never suggested for a role at this meeting.</param>
/// <param name="Stored">Roles set by the coordinator or meeting leader (role name → user id); they win over suggestions.</param>
/// <param name="CaseGivers">The owners of the selected cases (or the stored case givers), in case order.</param>
public sealed record RotationMeeting(
    string Id,
    string? Place,
    IReadOnlySet<string> Declined,
    IReadOnlyDictionary<string, string> Stored,
    IReadOnlyList<string> CaseGivers);

/// <summary>A meeting's effective roles: stored where set (and still valid), suggested otherwise.</summary>
/// <param name="Suggested">The single roles (<see cref="MeetingRoles.Single"/>) that were suggested, not stored.</param>
public sealed record EffectiveRoles(string MeetingId, RoleAssignment Roles, IReadOnlySet<string> Suggested)
{
    public string? Holder(string role) => role switch
    {
        MeetingRoles.MeetingLeader => Roles.MeetingLeader,
        MeetingRoles.Timekeeper => Roles.Timekeeper,
        MeetingRoles.NoteTaker => Roles.NoteTaker,
        MeetingRoles.Host => Roles.Host,
        _ => null,
    };

    /// <summary>The roles the user holds at this meeting (case giver included).</summary>
    public IReadOnlyList<string> RolesOf(string userId) =>
        MeetingRoles.Single.Where(role => Holder(role) == userId)
            .Concat(Roles.CaseGivers.Contains(userId) ? [MeetingRoles.CaseGiver] : [])
            .ToList();
}

/// <summary>Suggests who holds each rotating role (a pure, deterministic function). Meetings are taken in order; each
/// one's effective roles (stored or suggested) become history for the next. For each unfilled role, in the order
/// meeting leader, timekeeper, note-taker, host, the candidates are the members who did not decline and hold no role
/// yet at this meeting (case givers count as holding one); if there are none, case givers may take it; if still none,
/// someone with another role. Among the candidates wins: the one who held this role least, then the one who held it
/// longest ago (never counts as longest), then a stable hash of role and user id (so ties do not always go to the same
/// person, and never by name). The host follows the place: at a place where a host was stored before, that member
/// is suggested again (it is their workplace); elsewhere the host rotates like the other roles.
/// A stored role is ignored (and suggested anew) when its holder has left the network or declined the meeting.</summary>
/// <remarks>The bound (asserted by RoleRotationTests): for any role and any two members a and b, over any run of
/// suggested meetings, count(b) ≤ count(a) + 1 + (the meetings where b got the role while a was not a candidate).
/// Proof: each time b was chosen while a was a candidate, b's count before was ≤ a's count then ≤ a's count now.</remarks>
public static class RoleRotation
{
    public static IReadOnlyList<EffectiveRoles> Assign(IReadOnlyList<string> members, IReadOnlyList<RotationMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(meetings);
        var memberSet = members.ToHashSet(StringComparer.Ordinal);
        var history = new History();
        var placeHosts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<EffectiveRoles>(meetings.Count);
        for (var index = 0; index < meetings.Count; index++)
        {
            var meeting = meetings[index];
            var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
            var suggested = new HashSet<string>(StringComparer.Ordinal);
            bool Valid(string userId) => memberSet.Contains(userId) && !meeting.Declined.Contains(userId);

            foreach (var role in MeetingRoles.Single)
            {
                if (meeting.Stored.TryGetValue(role, out var holder) && Valid(holder))
                {
                    chosen[role] = holder;
                }
            }

            var caseGivers = meeting.CaseGivers.Where(memberSet.Contains).Distinct(StringComparer.Ordinal).ToList();
            var place = PlaceKey(meeting.Place);
            if (!chosen.ContainsKey(MeetingRoles.Host) && place is not null && placeHosts.TryGetValue(place, out var placeHost)
                && Valid(placeHost) && !chosen.ContainsValue(placeHost) && !caseGivers.Contains(placeHost))
            {
                chosen[MeetingRoles.Host] = placeHost;
                suggested.Add(MeetingRoles.Host);
            }

            foreach (var role in MeetingRoles.Single.Where(r => !chosen.ContainsKey(r)))
            {
                var available = members.Where(Valid).ToList();
                var free = available.Where(m => !chosen.ContainsValue(m)).ToList();
                var candidates = free.Where(m => !caseGivers.Contains(m)).ToList();
                var pool = candidates.Count > 0 ? candidates : free.Count > 0 ? free : available;
                if (pool.Count == 0)
                {
                    continue;
                }

                chosen[role] = pool.OrderBy(m => history.Count(role, m)).ThenBy(m => history.Last(role, m)).ThenBy(m => TieBreak(role, m)).ThenBy(m => m, StringComparer.Ordinal).First();
                suggested.Add(role);
            }

            foreach (var (role, userId) in chosen)
            {
                history.Held(role, userId, index);
            }

            if (place is not null && meeting.Stored.TryGetValue(MeetingRoles.Host, out var storedHost) && chosen.GetValueOrDefault(MeetingRoles.Host) == storedHost)
            {
                placeHosts[place] = storedHost;
            }

            result.Add(new EffectiveRoles(meeting.Id,
                new RoleAssignment(chosen.GetValueOrDefault(MeetingRoles.MeetingLeader), chosen.GetValueOrDefault(MeetingRoles.Timekeeper),
                    chosen.GetValueOrDefault(MeetingRoles.NoteTaker), chosen.GetValueOrDefault(MeetingRoles.Host), caseGivers),
                suggested));
        }

        return result;
    }

    /// <summary>A stable number per role and user, the same on every machine and run (string.GetHashCode is not).</summary>
    public static ulong TieBreak(string role, string userId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(role + "\n" + userId), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    private static string? PlaceKey(string? place) => string.IsNullOrWhiteSpace(place) ? null : string.Join(' ', place.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>How often and how lately each member held each role.</summary>
    private sealed class History
    {
        private readonly Dictionary<(string Role, string User), (int Count, int Last)> _held = [];

        public int Count(string role, string userId) => _held.TryGetValue((role, userId), out var held) ? held.Count : 0;

        /// <summary>The index of the last meeting with the role; -1 for never, so never counts as longest ago.</summary>
        public int Last(string role, string userId) => _held.TryGetValue((role, userId), out var held) ? held.Last : -1;

        public void Held(string role, string userId, int index) => _held[(role, userId)] = (Count(role, userId) + 1, index);
    }
}
