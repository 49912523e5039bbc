using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Planning;

/// <summary>Plans, changes, cancels and deletes a network's meetings. It checks the input, not the reader: callers ask
/// <see cref="MeetingAccess"/> first (Plan). Times in and out are local Europe/Copenhagen wall-clock times.</summary>
public sealed class MeetingPlanner(MeetingsDbContext db, NetworkFacts facts, TimeProvider clock)
{
    /// <summary>How far ahead a meeting may start (a typo such as 2207 instead of 2027 is refused).</summary>
    public const int MaxYearsAhead = 10;

    public Task<Meeting?> GetAsync(string meetingId, CancellationToken cancellationToken = default) => db.FindMeetingAsync(meetingId, cancellationToken);

    /// <summary>The network's meetings (cancelled ones too), earliest first.</summary>
    public async Task<IReadOnlyList<Meeting>> ListAsync(string networkId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.Meetings.AsNoTracking()
            .Where(m => m.NetworkContentItemId == networkId)
            .OrderBy(m => m.StartUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>Plans one meeting, or a series of <see cref="PlanMeetings.Count"/> meetings every
    /// <see cref="PlanMeetings.EveryWeeks"/> weeks at the same local clock time (also across daylight-saving changes).
    /// All of them are written, or none.</summary>
    public async Task<IReadOnlyList<Meeting>> PlanAsync(string networkId, PlanMeetings plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var count = MeetingInput.Range("Count", plan.Count, 1, MeetingInput.MaxSeries);
        var everyWeeks = count == 1 && plan.EveryWeeks == 0 ? 0 : MeetingInput.Range("EveryWeeks", plan.EveryWeeks, 1, MeetingInput.MaxEveryWeeks);
        var start = Local(plan.Start);
        CheckStart(start);
        var duration = MeetingInput.Range("DurationMinutes", plan.DurationMinutes, MeetingInput.MinDuration, MeetingInput.MaxDuration);
        var protocolId = await ProtocolAsync(networkId, plan.ProtocolId, cancellationToken);
        var place = MeetingInput.Text("Place", plan.Place, MeetingInput.PlaceLength);
        var theme = MeetingInput.Text("Theme", plan.Theme, MeetingInput.ThemeLength);
        var onlineUrl = MeetingInput.Url("OnlineUrl", plan.OnlineUrl);
        var (charterPurpose, charterEffect) = await facts.CharterAsync(networkId, cancellationToken);
        var purpose = MeetingInput.Text("Purpose", plan.Purpose ?? charterPurpose, MeetingInput.CharterLength);
        var desiredEffect = MeetingInput.Text("DesiredEffect", plan.DesiredEffect ?? charterEffect, MeetingInput.CharterLength);
        var practicalities = MeetingInput.Text("Practicalities", plan.Practicalities, MeetingInput.CharterLength);

        var now = clock.GetUtcNow().UtcDateTime;
        var seriesId = count > 1 ? ContentIds.New() : null;
        var meetings = Enumerable.Range(0, count).Select(i => new Meeting
        {
            Id = ContentIds.New(),
            NetworkContentItemId = networkId,
            SeriesId = seriesId,
            StartUtc = MeetingTime.ToUtc(start.AddDays(7 * everyWeeks * i)),
            DurationMinutes = duration,
            ProtocolContentItemId = protocolId,
            Place = place,
            OnlineUrl = onlineUrl,
            Theme = theme,
            Purpose = purpose,
            DesiredEffect = desiredEffect,
            Practicalities = practicalities,
            CreatedUtc = now,
            ModifiedUtc = now,
        }).ToList();

        return await db.WriteAsync(async () =>
        {
            db.Meetings.AddRange(meetings);
            await db.SaveChangesAsync(cancellationToken);
            return (IReadOnlyList<Meeting>)meetings;
        }, cancellationToken);
    }

    /// <summary>Changes a meeting (null leaves a field, "" clears a text); with <paramref name="following"/> also every
    /// later meeting of its series that is not cancelled, each moved by the same local time. Every change raises the
    /// calendar sequence. Returns the changed meetings, this one first.</summary>
    public async Task<IReadOnlyList<Meeting>> UpdateAsync(string meetingId, MeetingChange change, bool following = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await db.RequireMeetingAsync(meetingId, cancellationToken);
        DateTime? newStart = change.Start is { } requested ? Local(requested) : null;
        if (newStart is { } start)
        {
            CheckStart(start);
        }

        var duration = change.DurationMinutes is { } minutes ? MeetingInput.Range("DurationMinutes", minutes, MeetingInput.MinDuration, MeetingInput.MaxDuration) : (int?)null;
        var protocolId = change.ProtocolId is null ? null : change.ProtocolId.Trim().Length == 0 ? "" : await ProtocolAsync(current.NetworkContentItemId, change.ProtocolId, cancellationToken);
        var place = change.Place is null ? null : MeetingInput.Text("Place", change.Place, MeetingInput.PlaceLength) ?? "";
        var theme = change.Theme is null ? null : MeetingInput.Text("Theme", change.Theme, MeetingInput.ThemeLength) ?? "";
        var onlineUrl = change.OnlineUrl is null ? null : MeetingInput.Url("OnlineUrl", change.OnlineUrl) ?? "";
        var purpose = change.Purpose is null ? null : MeetingInput.Text("Purpose", change.Purpose, MeetingInput.CharterLength) ?? "";
        var desiredEffect = change.DesiredEffect is null ? null : MeetingInput.Text("DesiredEffect", change.DesiredEffect, MeetingInput.CharterLength) ?? "";
        var practicalities = change.Practicalities is null ? null : MeetingInput.Text("Practicalities", change.Practicalities, MeetingInput.CharterLength) ?? "";
        var shift = newStart is { } moved ? moved - MeetingTime.ToLocal(current.StartUtc) : TimeSpan.Zero;

        return await db.WriteAsync(async () =>
        {
            var meetings = await AffectedAsync(current, following, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var meeting in meetings)
            {
                if (shift != TimeSpan.Zero)
                {
                    var local = MeetingTime.ToLocal(meeting.StartUtc) + shift;
                    if (meeting.Id != current.Id)
                    {
                        CheckStart(local);
                    }

                    meeting.StartUtc = MeetingTime.ToUtc(local);
                }

                meeting.DurationMinutes = duration ?? meeting.DurationMinutes;
                meeting.ProtocolContentItemId = protocolId is null ? meeting.ProtocolContentItemId : Empty(protocolId);
                meeting.Place = place is null ? meeting.Place : Empty(place);
                meeting.Theme = theme is null ? meeting.Theme : Empty(theme);
                meeting.OnlineUrl = onlineUrl is null ? meeting.OnlineUrl : Empty(onlineUrl);
                meeting.Purpose = purpose is null ? meeting.Purpose : Empty(purpose);
                meeting.DesiredEffect = desiredEffect is null ? meeting.DesiredEffect : Empty(desiredEffect);
                meeting.Practicalities = practicalities is null ? meeting.Practicalities : Empty(practicalities);
                if (db.Entry(meeting).Properties.Any(p => p.IsModified))
                {
                    meeting.Sequence++;
                    meeting.ModifiedUtc = now;
                }
            }

            await CheckCasesFitAsync(meetings, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (IReadOnlyList<Meeting>)meetings;
        }, cancellationToken);
    }

    /// <summary>Moves a meeting to a new local start (and, with <paramref name="following"/>, the later ones of its series by as much).</summary>
    public Task<IReadOnlyList<Meeting>> MoveAsync(string meetingId, DateTime start, bool following = false, CancellationToken cancellationToken = default) =>
        UpdateAsync(meetingId, new MeetingChange(Start: start), following, cancellationToken);

    /// <summary>Cancels a meeting (and, with <paramref name="following"/>, the later ones of its series) with a reason
    /// the members see; the calendar shows it cancelled. Cancelling again keeps it cancelled with the new reason.</summary>
    public async Task<IReadOnlyList<Meeting>> CancelAsync(string meetingId, string? reason, bool following = false, CancellationToken cancellationToken = default)
    {
        var current = await db.RequireMeetingAsync(meetingId, cancellationToken);
        var why = MeetingInput.Text("Reason", reason, MeetingInput.ReasonLength);
        return await db.WriteAsync(async () =>
        {
            var meetings = await AffectedAsync(current, following, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var meeting in meetings)
            {
                meeting.Cancelled = true;
                meeting.CancelledReason = why;
                meeting.Sequence++;
                meeting.ModifiedUtc = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            return (IReadOnlyList<Meeting>)meetings;
        }, cancellationToken);
    }

    /// <summary>Takes a cancellation back (the meeting is on again); refused for a meeting that has already started.</summary>
    public async Task<Meeting> ReinstateAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        var current = await db.RequireMeetingAsync(meetingId, cancellationToken);
        CheckStart(MeetingTime.ToLocal(current.StartUtc));
        return await db.WriteAsync(async () =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
            if (meeting.Cancelled)
            {
                meeting.Cancelled = false;
                meeting.CancelledReason = null;
                meeting.Sequence++;
                meeting.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
            }

            return meeting;
        }, cancellationToken);
    }

    /// <summary>Deletes a meeting with everything recorded for it (cases, roles, answers, attendance, actions). False if there was none.</summary>
    public async Task<bool> DeleteAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        if (!ContentIds.IsValid(meetingId))
        {
            return false;
        }

        return await db.WriteAsync(async () =>
        {
            await db.Cases.Where(x => x.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
            await db.Roles.Where(x => x.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
            await db.SwapRequests.Where(x => x.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
            await db.Rsvps.Where(x => x.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
            await db.Attendance.Where(x => x.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
            await db.Actions.Where(x => x.MeetingId == meetingId).ExecuteDeleteAsync(cancellationToken);
            return await db.Meetings.Where(x => x.Id == meetingId).ExecuteDeleteAsync(cancellationToken) > 0;
        }, cancellationToken);
    }

    /// <summary>The local wall-clock time of an input: Unspecified and Local kinds are read as Copenhagen time, UTC is converted.</summary>
    public static DateTime Local(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? MeetingTime.ToLocal(value) : DateTime.SpecifyKind(value, DateTimeKind.Unspecified);

    private void CheckStart(DateTime local)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (local.Year > MeetingTime.ToLocal(now).Year + MaxYearsAhead)
        {
            throw new MeetingInputException("Start", "Start {0} is more than {1} years ahead. Check the year.", Show(local), MaxYearsAhead);
        }

        if (MeetingTime.ToUtc(local) < now)
        {
            throw new MeetingInputException("Start", "Start {0} is in the past. Choose a time from now on.", Show(local));
        }
    }

    private async Task<string?> ProtocolAsync(string networkId, string? protocolId, CancellationToken cancellationToken)
    {
        var id = protocolId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return (await facts.ProtocolAsync(networkId, id, cancellationToken))?.ContentItemId
            ?? throw new MeetingInputException("ProtocolId", "There is no protocol '{0}' that this network may use. Choose one of the organisation's protocols or the network's own.", Shorten(id));
    }

    /// <summary>The meeting, tracked, and with <paramref name="following"/> the later meetings of its series that are not cancelled.</summary>
    private async Task<List<Meeting>> AffectedAsync(Meeting current, bool following, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.SingleAsync(m => m.Id == current.Id, cancellationToken);
        if (!following || meeting.SeriesId is null)
        {
            return [meeting];
        }

        var later = await db.Meetings
            .Where(m => m.SeriesId == meeting.SeriesId && m.Id != meeting.Id && m.StartUtc > meeting.StartUtc && !m.Cancelled)
            .OrderBy(m => m.StartUtc).ToListAsync(cancellationToken);
        return [meeting, .. later];
    }

    /// <summary>A shorter meeting must still hold each case brought to it.</summary>
    private async Task CheckCasesFitAsync(List<Meeting> meetings, CancellationToken cancellationToken)
    {
        foreach (var meeting in meetings)
        {
            var longest = await db.Cases.Where(c => c.MeetingId == meeting.Id).MaxAsync(c => (int?)c.MinutesNeeded, cancellationToken);
            if (longest > meeting.DurationMinutes)
            {
                throw new MeetingInputException("DurationMinutes", "DurationMinutes {0} is shorter than a case brought to the meeting ({1} minutes). Make the meeting longer, or ask the case giver to shorten the case first.", meeting.DurationMinutes, longest);
            }
        }
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static string Show(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    internal static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}

/// <summary>No meeting with the id (a caller that checked access first has a stale id).</summary>
public sealed class MeetingNotFoundException(string meetingId) : Exception($"There is no meeting '{MeetingPlanner.Shorten(meetingId)}'.")
{
    public string MeetingId { get; } = meetingId;
}
