using System.Globalization;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Pages;

/// <summary>Turns what the services return (meetings, roles, the computed agenda) into the view models the templates
/// show. It decides nothing: who may see or do what was decided by <see cref="MeetingAccess"/>, the agenda by the
/// agenda planner, the roles by the rotation.</summary>
public static class MeetingShapes
{
    /// <summary>The Danish name of each role (source texts the templates translate).</summary>
    public static string RoleName(string role) => role switch
    {
        MeetingRoles.MeetingLeader => "Mødeleder",
        MeetingRoles.Timekeeper => "Tidtager",
        MeetingRoles.NoteTaker => "Referent",
        MeetingRoles.Host => "Vært",
        MeetingRoles.CaseGiver => "Casegiver",
        _ => role,
    };

    /// <summary>Priority 1 (urgent) to 3 (can wait), as the case form and lists name it.</summary>
    public static string PriorityName(int priority) => priority switch
    {
        1 => "Haster",
        2 => "Gerne denne gang",
        _ => "Kan godt vente",
    };

    public static IReadOnlyList<Choice> Priorities(int selected) =>
        [.. Enumerable.Range(1, 3).Select(p => new Choice(p.ToString(CultureInfo.InvariantCulture), PriorityName(p), p == selected, Translate: true))];

    public static MeetingSummary Summary(Meeting meeting, ContentItem network, string pathBase, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(network);
        var start = MeetingTime.ToLocal(meeting.StartUtc);
        return new MeetingSummary(
            meeting.Id,
            pathBase + MeetingPages.MeetingPath(meeting.Id),
            network.DisplayText,
            pathBase + MeetingPages.NetworkPath(network.ContentItemId),
            MeetingDates.When(start, meeting.DurationMinutes, culture),
            MeetingDates.ShortDay(start, culture),
            MeetingDates.Clock(start, culture),
            meeting.Place,
            meeting.OnlineUrl,
            meeting.Theme,
            meeting.Cancelled,
            meeting.CancelledReason,
            !meeting.Cancelled && meeting.Sequence > 0);
    }

    public static RoleLine Role(string role, string person, bool suggested, bool mine, bool swapRequested) =>
        new(role, RoleName(role), person, suggested, mine, swapRequested);

    /// <summary>Every role of the meeting in the order a meeting runs by: the four single roles, then the case givers.</summary>
    public static IReadOnlyList<RoleLine> Roles(EffectiveRoles roles, IReadOnlyDictionary<string, string> names, string? readerId, IReadOnlyList<RoleSwapRequest> swaps)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var lines = new List<RoleLine>();
        foreach (var role in MeetingRoles.Single)
        {
            if (roles.Holder(role) is { } holder)
            {
                lines.Add(Role(role, names.GetValueOrDefault(holder, "?"), roles.Suggested.Contains(role), holder == readerId,
                    swaps.Any(s => s.UserId == holder && s.Role == role)));
            }
        }

        foreach (var giver in roles.Roles.CaseGivers)
        {
            lines.Add(Role(MeetingRoles.CaseGiver, names.GetValueOrDefault(giver, "?"), suggested: false, giver == readerId,
                swaps.Any(s => s.UserId == giver && s.Role == MeetingRoles.CaseGiver)));
        }

        return lines;
    }

    /// <summary>The agenda with clock times; a per-case item names its case and case giver.</summary>
    public static AgendaView Agenda(Agenda agenda, IReadOnlyList<MeetingCase> cases, IReadOnlyDictionary<string, string> names, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var items = agenda.Items.Select(item =>
        {
            var brought = item.CaseId is { } id ? byId.GetValueOrDefault(id) : null;
            return new AgendaLine(
                MeetingDates.Clock(item.Start, culture),
                MeetingDates.Clock(item.Start.AddMinutes(item.Minutes), culture),
                item.Phase,
                item.Minutes,
                brought?.Title,
                brought is null ? null : names.GetValueOrDefault(brought.UserId),
                item.Guidance,
                item.Speaks,
                item.Listens,
                item.Produces);
        }).ToList();
        return new AgendaView(agenda.Fits, agenda.PlannedMinutes, agenda.AvailableMinutes, agenda.MinutesOver, agenda.MinutesLeft, items);
    }

    /// <summary>The open action items as the invitation lists them, the earliest due first.</summary>
    public static IReadOnlyList<ActionLine> Actions(IReadOnlyList<MeetingAction> actions, IReadOnlyDictionary<string, string> names, DateOnly today, CultureInfo culture) =>
        actions.OrderBy(a => a.Due ?? DateOnly.MaxValue).ThenBy(a => a.CreatedUtc)
            .Select(a => new ActionLine(
                a.Text,
                a.OwnerUserId is null ? null : names.GetValueOrDefault(a.OwnerUserId),
                a.Due?.ToString(culture.TwoLetterISOLanguageName == "en" ? "d MMMM yyyy" : "d. MMMM yyyy", culture),
                a.Due < today))
            .ToList();

    /// <summary>Every user id a meeting's view names, for one look-up of their names.</summary>
    public static IEnumerable<string?> People(MeetingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Rsvps.Select(r => r.UserId)
            .Concat(view.Cases.Select(c => c.UserId))
            .Concat(MeetingRoles.Single.Select(view.Roles.Holder))
            .Concat(view.Roles.Roles.CaseGivers)
            .Concat(view.OpenActions.Select(a => a.OwnerUserId))
            .Concat(view.SwapRequests.Select(s => s.UserId))
            .Concat(view.Present);
    }
}
