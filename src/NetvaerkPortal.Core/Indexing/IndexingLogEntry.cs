namespace NetvaerkPortal.Indexing;

public enum IndexingChange
{
    Update,
    Delete,
}

/// <summary>One committed content write, appended in the same transaction as the write; indexers
/// keep a cursor (the last Id they applied) into this log.</summary>
public sealed class IndexingLogEntry
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    public IndexingChange Kind { get; set; }

    public DateTime CreatedUtc { get; set; }
}
