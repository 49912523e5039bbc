using Lucene.Net.Search;
using Netvaerk.Search.Lucene.Indexes;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>
/// Ranks a search's best matches again with their titles weighed in: the score of the text (the body field,
/// which holds title, tags and text) grows with the share of the query's words the title has, up to
/// <see cref="TitleWeight"/> times for a title with all of them.
/// </summary>
/// <remarks>
/// The titles are read from doc values and split into words with the index's terms (<see cref="IndexedWords"/>),
/// so this costs no search: ranking with a title field in the query would read a second list of documents
/// for every word, which was a third of a search's time.
/// </remarks>
internal sealed class TitleRanking(IReadOnlyList<string[][]> groups, IndexedWords words)
{
    public const float TitleWeight = 3f;

    /// <summary>The hits by their new score, best first (ties by document, as Lucene orders them).</summary>
    public ScoreDoc[] Rank(ScoreDoc[] hits, HitValues values)
    {
        if (groups.Count == 0)
        {
            return hits;
        }

        var titleTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            titleTerms.Clear();
            foreach (var word in words.In(values.Text(hit.Doc, SearchFieldNames.Title) ?? ""))
            {
                titleTerms.UnionWith(word.Terms);
            }

            var found = groups.Count(alternatives => alternatives.Any(terms => terms.All(titleTerms.Contains)));
            hit.Score *= 1 + (TitleWeight - 1) * found / groups.Count;
        }

        return [.. hits.OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Doc)];
    }
}
