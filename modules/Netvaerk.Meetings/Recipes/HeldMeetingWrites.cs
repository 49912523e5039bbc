using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;

namespace Netvaerk.Meetings.Recipes;

/// <summary>The recipe's only direct writes to the tables of issue 12 (time spent per agenda item, item notes, decisions,
/// evaluation responders, tallies and comments), kept in one place until the run-sheet, notes and evaluation services
/// exist; then each method becomes a call to one of them. Everything else the recipe does goes through the
/// Planning services. Every write joins the recipe's transaction.</summary>
internal sealed class HeldMeetingWrites(MeetingsDbContext db)
{
    /// <summary>Marks the frozen items as run: each started when the one before ended, and took its minutes.</summary>
    public Task RecordTimeSpentAsync(string meetingId, DateTime startUtc, IReadOnlyList<int> minutes, CancellationToken cancellationToken) =>
        db.WriteAsync(async () =>
        {
            var items = await db.RunItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).ToListAsync(cancellationToken);
            var clock = startUtc;
            foreach (var (item, spent) in items.Zip(minutes))
            {
                item.StartedUtc = clock;
                clock = clock.AddMinutes(spent);
                item.EndedUtc = clock;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Notes by agenda position (−1: the meeting as a whole) and decisions (position null: the whole meeting).</summary>
    public Task RecordNotesAsync(string meetingId, string writerUserId, DateTime writtenUtc, IReadOnlyList<(int Position, string Text)> notes,
        IReadOnlyList<(int? Position, string Text)> decisions, CancellationToken cancellationToken) =>
        db.WriteAsync(async () =>
        {
            db.ItemNotes.AddRange(notes.Select(n => new MeetingItemNote
            {
                MeetingId = meetingId, Position = n.Position, Text = n.Text, Revision = 1, UpdatedByUserId = writerUserId, UpdatedUtc = writtenUtc,
            }));
            db.Decisions.AddRange(decisions.Select((d, index) => new MeetingDecision
            {
                Id = NetvaerkPortal.Content.ContentIds.New(), MeetingId = meetingId, Position = d.Position, Text = d.Text, CreatedByUserId = writerUserId,
                CreatedUtc = writtenUtc.AddSeconds(index),
            }));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>An evaluation as the storage keeps it: who answered, apart from counters per question and score, and
    /// comments under random ids; never one person's answer.</summary>
    public Task RecordEvaluationsAsync(string meetingId, IReadOnlyList<string> responderIds, IReadOnlyList<AnswerPlan> answers, IReadOnlyList<string> comments, CancellationToken cancellationToken) =>
        db.WriteAsync(async () =>
        {
            db.EvaluationResponders.AddRange(responderIds.Select(id => new MeetingEvaluationResponder { MeetingId = meetingId, UserId = id }));
            var scores = answers.SelectMany(a => new[]
            {
                (EvaluationQuestions.Value, a.Value), (EvaluationQuestions.Time, a.Time), (EvaluationQuestions.Energy, a.Energy), (EvaluationQuestions.WorthIt, a.WorthIt ? 1 : 0),
            });
            db.EvaluationTallies.AddRange(scores.GroupBy(s => s).Select(g => new MeetingEvaluationTally
            {
                MeetingId = meetingId, Question = g.Key.Item1, Score = g.Key.Item2, Count = g.Count(),
            }));
            db.EvaluationComments.AddRange(comments.Select(text => new MeetingEvaluationComment { Id = RandomId(), MeetingId = meetingId, Text = text }));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Random, so a comment's id says nothing about when (or in which order) it was written.</summary>
    private static string RandomId() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", NetvaerkPortal.Content.ContentIds.Length);
}
