using NetvaerkPortal.Content;

namespace NetvaerkPortal.Security;

/// <summary>A page of items and how many there are in all (-1 when the caller did not ask for the total).</summary>
public sealed record ContentPage(int Total, IReadOnlyList<ContentItem> Items);

/// <summary>Which page of a list: a type and a network narrow it; <paramref name="PublishedOnly"/> leaves out the
/// drafts that editors otherwise see; <paramref name="CountTotal"/> false saves the count when nobody shows it.</summary>
public sealed record ContentListRequest(string? ContentType, string? NetworkId, int Skip, int Take, bool CountTotal = true, bool PublishedOnly = false);

/// <summary>Lists what a reader may read, newest first, filtered and paged in the database. The module that
/// knows where items belong (networks) implements it, so the platform's pages never name a content type.</summary>
public interface IReadableContent
{
    Task<ContentPage> ListAsync(Reader reader, ContentListRequest request, CancellationToken cancellationToken = default);
}
