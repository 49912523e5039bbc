using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Evaluation;

/// <summary>Anonymous evaluations. Who answered (<see cref="MeetingEvaluationResponder"/>) is stored apart from what was
/// answered (<see cref="MeetingEvaluationTally"/> counters and author-less <see cref="MeetingEvaluationComment"/>s), so
/// no row ties a person to a score. Scores are never logged: they reach the database only as query parameters.
/// Callers check <see cref="MeetingAccess"/> (Evaluate to answer, Read to see the results) first.</summary>
public sealed class MeetingEvaluations(MeetingsDbContext db, NetworkMembers members, TimeProvider clock)
{
    public const int CommentLength = 2000;
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>Whether the user may evaluate the meeting now; null when they may, else why not (thrown by AnswerAsync).</summary>
    public async Task<TranslatableException?> RefusalAsync(Meeting meeting, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Cancelled)
        {
            return new MeetingInputException("meetingId", "The meeting was cancelled, so it has no evaluation.");
        }

        if (meeting.StartUtc > clock.GetUtcNow().UtcDateTime)
        {
            return new MeetingInputException("meetingId", "The meeting has not started yet. Evaluate it once it has begun.");
        }

        if (!(await members.ForUserAsync(userId, cancellationToken)).Any(m => m.NetworkContentItemId == meeting.NetworkContentItemId))
        {
            return new EvaluationRefusedException(EvaluationRefusal.NotAttended, "Only the network's members who attended the meeting evaluate it.");
        }

        var (attended, answered) = await db.InPortalTransactionAsync(async () =>
        {
            var attended = meeting.AttendanceRecorded
                ? await db.Attendance.AnyAsync(a => a.MeetingId == meeting.Id && a.UserId == userId, cancellationToken)
                : await db.Rsvps.AnyAsync(r => r.MeetingId == meeting.Id && r.UserId == userId && r.Attending, cancellationToken);
            return (attended, await db.EvaluationResponders.AnyAsync(r => r.MeetingId == meeting.Id && r.UserId == userId, cancellationToken));
        }, cancellationToken);
        if (answered)
        {
            return AlreadyAnswered();
        }

        return attended
            ? null
            : new EvaluationRefusedException(EvaluationRefusal.NotAttended, meeting.AttendanceRecorded
                ? "Only those who attended the meeting evaluate it, and you are not recorded as present. Ask the note-taker to correct the attendance if you were there."
                : "Only those who attended the meeting evaluate it, and you did not sign up for it. Ask the note-taker to record that you were there.");
    }

    public async Task<bool> HasAnsweredAsync(string meetingId, string? userId, CancellationToken cancellationToken = default) =>
        userId is not null && await db.InPortalTransactionAsync(
            () => db.EvaluationResponders.AnyAsync(r => r.MeetingId == meetingId && r.UserId == userId, cancellationToken), cancellationToken);

    /// <summary>Checks the answer (each field named when refused), then in one transaction: records that the user
    /// answered, adds one to the four counters and keeps the comment under a random id. Nothing stays on a refusal.</summary>
    public async Task AnswerAsync(Meeting meeting, string userId, EvaluationAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(answer);
        CheckScore("Value", answer.Value);
        CheckScore("Time", answer.Time);
        CheckScore("Energy", answer.Energy);
        var comment = MeetingInput.Text("Comment", answer.Comment, CommentLength);
        if (await RefusalAsync(meeting, userId, cancellationToken) is { } refusal)
        {
            throw refusal;
        }

        // Two first answers at once may both create the counters; the loser tries once more and then finds them.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await WriteAnswerAsync(meeting, userId, answer, comment, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task WriteAnswerAsync(Meeting meeting, string userId, EvaluationAnswer answer, string? comment, CancellationToken cancellationToken) =>
        await db.WriteAsync(async () =>
        {
            if (await db.EvaluationResponders.AnyAsync(r => r.MeetingId == meeting.Id && r.UserId == userId, cancellationToken))
            {
                throw AlreadyAnswered();
            }

            db.EvaluationResponders.Add(new MeetingEvaluationResponder { MeetingId = meeting.Id, UserId = userId });
            if (!await db.EvaluationTallies.AnyAsync(t => t.MeetingId == meeting.Id, cancellationToken))
            {
                // All counters at once, in a fixed order: no row's id or position tells which score came first.
                db.EvaluationTallies.AddRange(AllTallies(meeting.Id));
            }

            if (comment is not null)
            {
                // A random (not time-ordered) key, so the comments' order says nothing about who wrote which.
                db.EvaluationComments.Add(new MeetingEvaluationComment { Id = Guid.NewGuid().ToString("N"), MeetingId = meeting.Id, Text = comment });
            }

            await db.SaveChangesAsync(cancellationToken);
            await CountAsync(meeting.Id, EvaluationQuestions.Value, answer.Value, cancellationToken);
            await CountAsync(meeting.Id, EvaluationQuestions.Time, answer.Time, cancellationToken);
            await CountAsync(meeting.Id, EvaluationQuestions.Energy, answer.Energy, cancellationToken);
            await CountAsync(meeting.Id, EvaluationQuestions.WorthIt, answer.WorthIt ? 1 : 0, cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<EvaluationResults> ResultsAsync(string meetingId, CancellationToken cancellationToken = default) =>
        (await ResultsAsync([meetingId], cancellationToken))[meetingId];

    /// <summary>The results of several meetings (every id gets an entry; no answers → 0 and nulls).</summary>
    public async Task<IReadOnlyDictionary<string, EvaluationResults>> ResultsAsync(IReadOnlyCollection<string> meetingIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meetingIds);
        var ids = meetingIds.Distinct(StringComparer.Ordinal).ToList();
        var (tallies, comments) = await db.InPortalTransactionAsync(async () => (
            await db.EvaluationTallies.AsNoTracking().Where(t => ids.Contains(t.MeetingId) && t.Count > 0)
                .Select(t => new { t.MeetingId, t.Question, t.Score, t.Count }).ToListAsync(cancellationToken),
            await db.EvaluationComments.AsNoTracking().Where(c => ids.Contains(c.MeetingId)).Select(c => new { c.MeetingId, c.Text }).ToListAsync(cancellationToken)),
            cancellationToken);
        return ids.ToDictionary(id => id, id =>
        {
            var mine = tallies.Where(t => t.MeetingId == id).ToList();
            // The worthIt counters hold one per answer: unlike the responders, they keep the answers of deleted members.
            var answers = mine.Where(t => t.Question == EvaluationQuestions.WorthIt).Sum(t => t.Count);
            if (answers < EvaluationQuestions.MinimumAnswers)
            {
                return new EvaluationResults(answers, null, null, null, null, []);
            }

            double Mean(string question) => Math.Round(
                (double)mine.Where(t => t.Question == question).Sum(t => t.Score * t.Count) / Math.Max(1, mine.Where(t => t.Question == question).Sum(t => t.Count)),
                1, MidpointRounding.AwayFromZero);
            var yes = mine.Where(t => t.Question == EvaluationQuestions.WorthIt && t.Score == 1).Sum(t => t.Count);
            return new EvaluationResults(answers, Mean(EvaluationQuestions.Value), Mean(EvaluationQuestions.Time), Mean(EvaluationQuestions.Energy),
                Math.Round((double)yes / answers, 2, MidpointRounding.AwayFromZero),
                comments.Where(c => c.MeetingId == id).Select(c => c.Text).Order(StringComparer.Ordinal).ToList());
        }, StringComparer.Ordinal);
    }

    /// <summary>The meetings the user has evaluated (for their data export; what they answered is not kept).</summary>
    public async Task<IReadOnlyList<string>> EvaluatedByAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.InPortalTransactionAsync(() => db.EvaluationResponders.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.MeetingId)
            .OrderBy(id => id).ToListAsync(cancellationToken), cancellationToken);

    private static EvaluationRefusedException AlreadyAnswered() =>
        new(EvaluationRefusal.AlreadyAnswered, "You have already evaluated this meeting. An evaluation is given once and cannot be changed, because it is not kept with your name.");

    /// <summary>A rating 1–5, else refused naming the field (the API, the page and the service say it the same way).</summary>
    public static int CheckScore(string field, int? value) =>
        value is >= MinScore and <= MaxScore ? value.Value : throw new MeetingInputException(field, "{0} must be a whole number from 1 to 5.", field);

    private static IEnumerable<MeetingEvaluationTally> AllTallies(string meetingId) =>
        from question in EvaluationQuestions.All
        from score in question == EvaluationQuestions.WorthIt ? [0, 1] : Enumerable.Range(MinScore, MaxScore)
        select new MeetingEvaluationTally { MeetingId = meetingId, Question = question, Score = score, Count = 0 };

    private Task<int> CountAsync(string meetingId, string question, int score, CancellationToken cancellationToken) =>
        db.EvaluationTallies.Where(t => t.MeetingId == meetingId && t.Question == question && t.Score == score)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Count, x => x.Count + 1), cancellationToken);
}
