using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>"Mente du …?": the closest indexed term to a word that matches nothing.</summary>
/// <remarks>
/// Lucene.Net.Suggest (DirectSpellChecker) is not available, so candidates come from FuzzyTermsEnum,
/// the same automaton FuzzyQuery uses. Indexed terms are stems for the Danish analyzer ("casegiv",
/// "mød"), so <see cref="ForQuery"/> puts back the ending the stemmer took off the typed word.
/// </remarks>
public static class SpellingSuggestions
{
    // FuzzyTermsEnum supports at most two edits.
    public const int MaxEdits = 2;

    /// <summary>
    /// The indexed term in <paramref name="field"/> closest to <paramref name="term"/> (already analysed),
    /// within 1 edit for terms of 3–5 letters and 2 edits for longer ones; null when the term is indexed
    /// or nothing is close. Ties go to the term in more documents.
    /// </summary>
    public static string? ClosestTerm(IndexReader reader, string field, string term)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var maxEdits = term.Length switch
        {
            < 3 => 0,
            <= 5 => 1,
            _ => MaxEdits,
        };
        var terms = MultiFields.GetTerms(reader, field);
        if (maxEdits == 0 || terms is null || reader.DocFreq(new Term(field, term)) > 0)
        {
            return null;
        }

        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, term), maxEdits,
            prefixLength: 0, transpositions: true);
        (string Text, int Distance, int DocFreq)? best = null;
        while (candidates.MoveNext())
        {
            var text = candidates.Term.Utf8ToString();
            var candidate = (text, EditDistance(term, text), candidates.DocFreq);
            if (best is not { } current || candidate.Item2 < current.Distance
                || (candidate.Item2 == current.Distance && candidate.DocFreq > current.DocFreq))
            {
                best = candidate;
            }
        }

        return best?.Text;
    }

    /// <summary>
    /// The query with each word that matches nothing in any of <paramref name="fields"/> replaced by its
    /// closest indexed term; null when every word matches or nothing close was found.
    /// </summary>
    public static string? ForQuery(QueryText query, IndexReader reader, Analyzer analyzer,
        IReadOnlyList<SearchField> fields)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fields);
        var replaced = new Dictionary<string, string>();
        foreach (var word in query.Words)
        {
            var tokens = AnalyzedQuery.Analyze(analyzer, fields[0].Name, word);
            var known = tokens.Any(token => fields.Any(field =>
                token.Text.Split(DanishSynonyms.PhraseSeparator).All(part => reader.DocFreq(new Term(field.Name, part)) > 0)));
            if (known || tokens.Count == 0)
            {
                continue;
            }

            var typed = tokens.First(token => !token.IsSynonym).Text;
            var suggestion = fields.Select(field => ClosestTerm(reader, field.Name, typed)).FirstOrDefault(found => found is not null);
            if (suggestion is not null)
            {
                replaced[word] = Reinflect(word, typed, suggestion);
            }
        }

        return replaced.Count == 0 ? null : query.ToDisplayString(replaced);
    }

    // Gives the suggested stem the ending the stemmer took off the typed word, so the user reads
    // "casegiver" for "kasegiwer", not the stem "casegiv".
    private static string Reinflect(string typedWord, string typedStem, string suggestedStem)
    {
        var lower = typedWord.ToLowerInvariant();
        return lower.StartsWith(typedStem, StringComparison.Ordinal) ? suggestedStem + lower[typedStem.Length..] : suggestedStem;
    }

    // Optimal string alignment distance (Levenshtein plus swapped neighbours), as FuzzyTermsEnum counts.
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
