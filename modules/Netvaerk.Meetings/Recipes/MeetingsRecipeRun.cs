using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Evaluation;
using Netvaerk.Meetings.Notes;
using Netvaerk.Meetings.Planning;
using Netvaerk.Meetings.Running;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings.Recipes;

/// <summary>Carries out a checked <see cref="NetworkPlan"/> through the Planning services. A held meeting is replayed
/// as it happened: planned, answered and given its cases two weeks before it (the services see that day as "now"),
/// then attended, run, noted, evaluated and followed up.</summary>
internal sealed class MeetingsRecipeRun(IServiceProvider services)
{
    /// <summary>How long before a held meeting it was planned, in the replay.</summary>
    private static readonly TimeSpan PlannedAhead = TimeSpan.FromDays(14);

    private readonly TimeProvider _clock = services.GetRequiredService<TimeProvider>();
    private readonly Dictionary<string, string> _userIds = new(StringComparer.OrdinalIgnoreCase);

    public async Task RunAsync(NetworkPlan network, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        _userIds.Clear();
        var members = services.GetRequiredService<NetworkMembers>();
        if (!await members.NetworkExistsAsync(network.Network, cancellationToken))
        {
            throw new RecipeException($"{network.Label}: there is no network with this ContentItemId. Create it (ContentType \"Network\") in a content step before this step.");
        }

        await AddMembersAsync(network, members, cancellationToken);
        var today = RecipeDates.Today(_clock);
        foreach (var meeting in network.Meetings)
        {
            try
            {
                await PlanAsync(network, meeting, today, cancellationToken);
            }
            catch (MeetingInputException error)
            {
                throw new RecipeException($"{network.Label}, {meeting.Path[(network.Label.Length + 2)..]}: {error.Field}: {error.Message}");
            }
        }
    }

    private async Task AddMembersAsync(NetworkPlan network, NetworkMembers members, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        foreach (var (member, index) in network.Members.Select((m, i) => (m, i + 1)))
        {
            var user = await users.FindByNameAsync(member.UserName);
            if (user is null && member.Email is null)
            {
                throw new RecipeException($"{network.Label}, Members[{index}].UserName: there is no user '{SafePaths.Show(member.UserName)}'. Give an Email to create the user, or name an existing one.");
            }

            if (user is null)
            {
                // No password: the person sets one through "Glemt adgangskode" (or an administrator's reset).
                user = new PortalUser { UserName = member.UserName, Email = member.Email, EmailConfirmed = true };
                Check(await users.CreateAsync(user), network, index);
                Check(await users.AddToRoleAsync(user, PortalRoles.Member), network, index);
            }

            await members.SetAsync(network.Network, user.Id, member.Coordinator ? NetworkRoles.Coordinator : NetworkRoles.Member, cancellationToken);
            _userIds[member.UserName] = user.Id;
        }

        foreach (var existing in await members.ListAsync(network.Network, cancellationToken))
        {
            if (await users.FindByIdAsync(existing.UserId) is { UserName: { } name })
            {
                _userIds.TryAdd(name, existing.UserId);
            }
        }
    }

    private async Task PlanAsync(NetworkPlan network, MeetingPlan plan, DateOnly today, CancellationToken cancellationToken)
    {
        var start = plan.Start.On(today);
        var startUtc = MeetingTime.ToUtc(start);
        var now = _clock.GetUtcNow().UtcDateTime;
        if (plan.Held is not null && startUtc.AddMinutes(plan.DurationMinutes) > now)
        {
            throw new RecipeException($"{network.Label}, {Where(network, plan)}.Start: a held meeting must have ended when the recipe runs; {start:yyyy-MM-dd HH:mm} plus {plan.DurationMinutes} minutes has not. Move it into the past.");
        }

        var facts = services.GetRequiredService<NetworkFacts>();
        if (plan.Protocol is not null && await facts.ProtocolAsync(network.Network, plan.Protocol, cancellationToken) is null)
        {
            throw new RecipeException($"{network.Label}, {Where(network, plan)}.Protocol: there is no published protocol '{SafePaths.Show(plan.Protocol)}' that this network may use. Name one of the organisation's protocols (e.g. from the 'moedeprotokoller' recipe, run before this step) or the network's own.");
        }

        // A held meeting is replayed from the day it was planned; a planned one from now.
        var then = plan.Held is null ? _clock : new FixedClock(startUtc - PlannedAhead);
        var planner = ActivatorUtilities.CreateInstance<MeetingPlanner>(services, then);
        var meetings = await planner.PlanAsync(network.Network, new PlanMeetings(
            start, plan.DurationMinutes, plan.Protocol, plan.Place, plan.Theme, plan.Count, plan.EveryWeeks, Practicalities: plan.Practicalities), cancellationToken);
        var first = meetings[0];
        await SetPlacesAndThemesAsync(plan, meetings, cancellationToken);

        var responses = ActivatorUtilities.CreateInstance<MeetingResponses>(services, then);
        foreach (var rsvp in plan.Rsvps)
        {
            await responses.AnswerAsync(first.Id, UserId(network, rsvp.UserName), rsvp.Attending, rsvp.Reason, cancellationToken);
        }

        var intake = ActivatorUtilities.CreateInstance<CaseIntake>(services, then);
        var selected = new List<string>();
        foreach (var item in plan.Cases)
        {
            var brought = await intake.BringAsync(first.Id, UserId(network, item.UserName), new BringCase(item.Title, item.KeyQuestion, item.MinutesNeeded, item.Priority, item.WantFromGroup), cancellationToken);
            if (item.Selected)
            {
                selected.Add(brought.Id);
            }
        }

        if (selected.Count > 0)
        {
            await intake.SelectAsync(first.Id, selected, cancellationToken);
        }

        var roster = services.GetRequiredService<MeetingRoster>();
        foreach (var (roles, meeting) in plan.Roles.Zip(meetings))
        {
            await roster.SetAsync(meeting.Id, new RoleAssignment(Id(roles.MeetingLeader), Id(roles.Timekeeper), Id(roles.NoteTaker), Id(roles.Host), []), cancellationToken);
        }

        if (plan.Held is { } held)
        {
            await HoldAsync(network, plan, held, first, cancellationToken);
        }

        string? Id(string? userName) => userName is null ? null : UserId(network, userName);
    }

    private async Task HoldAsync(NetworkPlan network, MeetingPlan plan, HeldPlan held, Meeting meeting, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MeetingResponses>().RecordAttendanceAsync(meeting.Id, held.Present.Select(p => UserId(network, p)).ToList(), cancellationToken);
        var items = await services.GetRequiredService<MeetingRunItems>().FreezeAsync(meeting, cancellationToken);
        if (held.Items.Count != items.Count)
        {
            throw new RecipeException($"{network.Label}, {Where(network, plan)}.Held.Items: {held.Items.Count} items, but the meeting's agenda has {items.Count}: {string.Join(", ", items.Select(i => i.Phase))}. Give one item per agenda item, in order.");
        }

        foreach (var (given, item) in held.Items.Zip(items))
        {
            if (given.Phase is not null && !string.Equals(given.Phase, item.Phase, StringComparison.OrdinalIgnoreCase))
            {
                throw new RecipeException($"{network.Label}, {given.Path[(network.Label.Length + 2)..]}.Phase: '{SafePaths.Show(given.Phase)}', but agenda item {item.Position + 1} is '{item.Phase}'.");
            }
        }

        var times = ActivatorUtilities.CreateInstance<HeldMeetingTimes>(services);
        var endUtc = meeting.StartUtc.AddMinutes(held.Items.Sum(i => i.Minutes));
        await times.RecordTimeSpentAsync(meeting.Id, meeting.StartUtc, held.Items.Select(i => i.Minutes).ToList(), cancellationToken);

        var roles = await services.GetRequiredService<MeetingRoster>().ForMeetingAsync(meeting, cancellationToken);
        var writer = roles.Roles.NoteTaker ?? roles.Roles.MeetingLeader ?? UserId(network, held.Present.Count > 0 ? held.Present[0] : network.Members[0].UserName);
        var notes = held.Items.Select((item, position) => (position, item.Notes)).Where(n => n.Notes is not null).Select(n => (n.position, n.Notes!)).ToList();
        if (held.Notes is not null)
        {
            notes.Add((-1, held.Notes));
        }

        var decisions = held.Items.SelectMany((item, position) => item.Decisions.Select(d => ((int?)position, d))).Concat(held.Decisions.Select(d => ((int?)null, d))).ToList();
        // Written through the note-taker's own services, as if at the meeting's end.
        var noteTaking = ActivatorUtilities.CreateInstance<MeetingNotes>(services, new FixedClock(endUtc));
        foreach (var (position, text) in notes)
        {
            await noteTaking.SaveAsync(meeting, position, text, 0, writer, cancellationToken);
        }

        var decided = ActivatorUtilities.CreateInstance<MeetingDecisions>(services, noteTaking, new FixedClock(endUtc));
        foreach (var (position, text) in decisions)
        {
            await decided.AddAsync(meeting, text, position, writer, cancellationToken);
        }

        var actions = ActivatorUtilities.CreateInstance<MeetingActions>(services, new FixedClock(endUtc));
        var today = RecipeDates.Today(_clock);
        foreach (var action in held.Actions)
        {
            var added = await actions.AddAsync(meeting.Id, action.Text, action.Owner is null ? null : UserId(network, action.Owner), action.Due?.On(today), cancellationToken);
            if (action.Done)
            {
                // Done by its due day when that has passed (a plausible history), else now.
                var dueUtc = added.Due is { } due ? MeetingTime.ToUtc(due.ToDateTime(new TimeOnly(12, 0))) : DateTime.MaxValue;
                var doneClock = dueUtc < _clock.GetUtcNow().UtcDateTime && dueUtc > endUtc ? new FixedClock(dueUtc) : _clock;
                await ActivatorUtilities.CreateInstance<MeetingActions>(services, doneClock).SetDoneAsync(added.Id, true, cancellationToken);
            }
        }

        if (held.Evaluations is { } evaluations)
        {
            // Each attendee's answer through the evaluation itself (its checks and its anonymous storage); the recipe pairs
            // answers and comments with responders only to count them, and the storage keeps no pairing.
            var evaluation = services.GetRequiredService<MeetingEvaluations>();
            foreach (var (responder, index) in evaluations.Responders.Select((r, i) => (r, i)))
            {
                var answer = evaluations.Answers[index];
                var comment = index < evaluations.Comments.Count ? evaluations.Comments[index] : null;
                await evaluation.AnswerAsync(meeting, UserId(network, responder),
                    new EvaluationAnswer(answer.Value, answer.Time, answer.Energy, answer.WorthIt, comment), cancellationToken);
            }
        }
    }

    /// <summary>Each meeting's own place and theme, set as part of planning it (not as a change: the calendar sequence
    /// stays 0 and the meeting is not shown as »Ændret«). Lengths were checked with the step.</summary>
    private async Task SetPlacesAndThemesAsync(MeetingPlan plan, IReadOnlyList<Meeting> meetings, CancellationToken cancellationToken)
    {
        if (plan.Places.Count == 0 && plan.Themes.Count == 0)
        {
            return;
        }

        var db = services.GetRequiredService<MeetingsDbContext>();
        await db.WriteAsync(async () =>
        {
            var ids = meetings.Select(m => m.Id).ToList();
            var tracked = await db.Meetings.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
            foreach (var (meeting, index) in meetings.Select((m, i) => (m, i)))
            {
                tracked[meeting.Id].Place = plan.Places.ElementAtOrDefault(index) ?? meeting.Place;
                tracked[meeting.Id].Theme = plan.Themes.ElementAtOrDefault(index) ?? meeting.Theme;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    private string UserId(NetworkPlan network, string userName) =>
        _userIds.TryGetValue(userName, out var id) ? id
            : throw new RecipeException($"{network.Label}: '{SafePaths.Show(userName)}' is not a member of this network. Add them to the network's Members.");

    private static string Where(NetworkPlan network, MeetingPlan plan) => plan.Path[(network.Label.Length + 2)..];

    private static void Check(IdentityResult result, NetworkPlan network, int index)
    {
        if (!result.Succeeded)
        {
            throw new RecipeException($"{network.Label}, Members[{index}]: the user could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>"Now" as it was on a day of the replay.</summary>
    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
