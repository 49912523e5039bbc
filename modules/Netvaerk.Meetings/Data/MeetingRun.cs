namespace Netvaerk.Meetings.Data;

/// <summary>One agenda item of a meeting as it is run: the agenda is frozen into these rows when the meeting starts (or
/// when the first note is written), so notes, the live clock and the time actually spent refer to items that no longer
/// move when cases or the protocol change afterwards.</summary>
public sealed class MeetingRunItem
{
    public long Id { get; set; }

    public required string MeetingId { get; set; }

    /// <summary>0-based place on the agenda; notes and decisions refer to it.</summary>
    public int Position { get; set; }

    /// <summary>The protocol phase's name (or the case's title for an agenda without a protocol).</summary>
    public required string Phase { get; set; }

    /// <summary>The case this item works on, for a per-case phase.</summary>
    public string? CaseId { get; set; }

    /// <summary>The minutes the agenda gave the item.</summary>
    public int PlannedMinutes { get; set; }

    /// <summary>Minutes the timekeeper added while it ran (the countdown ends later; planned stays as it was).</summary>
    public int ExtraMinutes { get; set; }

    public string? Guidance { get; set; }

    public string? Speaks { get; set; }

    public string? Produces { get; set; }

    /// <summary>When the item became the current one; null while it has not run.</summary>
    public DateTime? StartedUtc { get; set; }

    /// <summary>When the meeting moved on from it; Ended − Started is the time actually spent.</summary>
    public DateTime? EndedUtc { get; set; }
}

/// <summary>The note-taker's notes for one agenda item (Position −1: the meeting as a whole). Saved while they type;
/// Revision rises with every save, so a stale browser tab cannot overwrite newer text unnoticed.</summary>
public sealed class MeetingItemNote
{
    public long Id { get; set; }

    public required string MeetingId { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }

    public int Revision { get; set; }

    public required string UpdatedByUserId { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A decision recorded at a meeting, optionally on one agenda item.</summary>
public sealed class MeetingDecision
{
    public required string Id { get; set; }

    public required string MeetingId { get; set; }

    public int? Position { get; set; }

    public required string Text { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A learning from a meeting promoted to a knowledge article draft; the meeting page lists it for the
/// network's members.</summary>
public sealed class MeetingLearning
{
    public required string Id { get; set; }

    public required string MeetingId { get; set; }

    /// <summary>The KnowledgeArticle content item (a draft until an editor publishes it).</summary>
    public required string ArticleContentItemId { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>Limits of what a note-taker writes.</summary>
public static class MeetingItemNoteLimits
{
    /// <summary>Characters of one item's notes: a long meeting's notes fit; a pasted book does not.</summary>
    public const int TextLength = 20_000;
}
