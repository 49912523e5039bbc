namespace NetvaerkPortal.Content;

/// <summary>A stored version of a content item: the columns queries need, and the parts as one JSON document.</summary>
public sealed class ContentItemRecord
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    public required string ContentItemVersionId { get; set; }

    public required string ContentType { get; set; }

    public string DisplayText { get; set; } = "";

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public string Owner { get; set; } = "";

    public string Author { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public required string Data { get; set; }
}

/// <summary>Index table: the URL path of an item's latest and published versions.</summary>
public sealed class AutorouteIndex
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    public required string Path { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }
}
