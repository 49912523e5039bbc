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
    /// <param name="isVisible">
    /// Whether the reader may see a document with this term; null means every document. A term only an
    /// unreadable document has is neither "known" nor suggested, so "Mente du …?" cannot reveal it.
    /// </param>
    public static string? ClosestTerm(IndexReader reader, string field, string term, Func<Term, bool>? isVisible = null) =>
        ClosestTerm(reader, field, term, isVisible, automata: null);

    // automata: shared by the searches for one term in several fields, so FuzzyTermsEnum builds its
    // Levenshtein automata (which depend on the term only, not the field) once instead of once per field.
    private static string? ClosestTerm(IndexReader reader, string field, string term, Func<Term, bool>? isVisible, AttributeSource? automata)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var maxEdits = term.Length switch
        {
            < 3 => 0,
            <= 5 => 1,
            _ => MaxEdits,
        };
        var terms = MultiFields.GetTerms(reader, field);
        if (maxEdits == 0 || terms is null || IsKnown(reader, new Term(field, term), isVisible))
        {
            return null;
        }

        // One edit first: its automaton is far cheaper than two edits', and a term one edit away beats any two away.
        for (var edits = 1; edits <= maxEdits; edits++)
        {
            var closest = Candidates(reader, terms, field, term, edits, automata ??= new AttributeSource())
                .FirstOrDefault(text => isVisible is null || isVisible(new Term(field, text)));
            if (closest is not null)
            {
                return closest;
            }
        }

        return null;
    }

    // The terms within the edits, closest and most frequent first, kept per index reader (one committed state): the
    // automaton walk over the term dictionary is most of a misspelt query's cost, and the same typos come back. What the
    // reader may see is applied afterwards, on every search, so the kept list reveals nothing.
    private const int MaxKeptPerReader = 10_000;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndexReader, System.Collections.Concurrent.ConcurrentDictionary<(string, string, int), string[]>> KeptByReader = [];

    private static string[] Candidates(IndexReader reader, Terms terms, string field, string term, int edits, AttributeSource automata)
    {
        var kept = KeptByReader.GetValue(reader, _ => new());
        if (kept.TryGetValue((field, term, edits), out var known))
        {
            return known;
        }

        var candidates = new FuzzyTermsEnum(terms, automata, new Term(field, term), edits, prefixLength: 0, transpositions: true);
        var found = new List<(string Text, int Distance, int DocFreq)>();
        while (candidates.MoveNext())
        {
            var text = candidates.Term.Utf8ToString();
            found.Add((text, EditDistance(term, text), candidates.DocFreq));
        }

        var ordered = found.OrderBy(candidate => candidate.Distance).ThenByDescending(candidate => candidate.DocFreq)
            .ThenBy(candidate => candidate.Text, StringComparer.Ordinal)
            .Select(candidate => candidate.Text)
            .ToArray();
        if (kept.Count < MaxKeptPerReader)
        {
            kept.TryAdd((field, term, edits), ordered);
        }

        return ordered;
    }

    private static bool IsKnown(IndexReader reader, Term term, Func<Term, bool>? isVisible) =>
        reader.DocFreq(term) > 0 && (isVisible is null || isVisible(term));

    /// <summary>
    /// The query with each word that matches nothing in any of <paramref name="fields"/> replaced by its
    /// closest indexed term; null when every word matches or nothing close was found.
    /// </summary>
    /// <param name="isVisible">As for <see cref="ClosestTerm"/>.</param>
    public static string? ForQuery(QueryText query, IndexReader reader, Analyzer analyzer,
        IReadOnlyList<SearchField> fields, Func<Term, bool>? isVisible = null) =>
        ForQuery(query, reader, analyzer, fields, isVisible, compounds: null);

    /// <param name="compounds">A word found inside indexed compounds is known, not a typo.</param>
    internal static string? ForQuery(QueryText query, IndexReader reader, Analyzer analyzer,
        IReadOnlyList<SearchField> fields, Func<Term, bool>? isVisible, CompoundExpansion? compounds)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fields);
        // Markup or punctuation ("<script>alert(1)</script>") is not a misspelt word, and a suggestion would repeat it.
        if (!query.Words.All(IsPlainWord))
        {
            return null;
        }

        var replaced = new Dictionary<string, string>();
        foreach (var word in query.Words)
        {
            var tokens = AnalyzedQuery.Analyze(analyzer, fields[0].Name, word);
            var known = tokens.Any(token => fields.Any(field =>
                token.Text.Split(DanishSynonyms.PhraseSeparator).All(part => IsKnown(reader, new Term(field.Name, part), isVisible))))
                || (compounds is not null && tokens.Any(token => !token.IsSynonym && compounds.For(token.Text, form: null).Count > 0));
            if (known || tokens.Count == 0)
            {
                continue;
            }

            var typed = tokens.First(token => !token.IsSynonym).Text;
            var automata = new AttributeSource();
            var suggestion = fields.Select(field => ClosestTerm(reader, field.Name, typed, isVisible, automata)).FirstOrDefault(found => found is not null);
            if (suggestion is not null)
            {
                replaced[word] = Reinflect(word, typed, suggestion);
            }
        }

        return replaced.Count == 0 ? null : query.ToDisplayString(replaced);
    }

    // Letters and digits, joined by the hyphens, apostrophes and full stops of "e-mail", "KL's" and "kl.".
    private static bool IsPlainWord(string word) =>
        word.Any(char.IsLetterOrDigit) && word.All(c => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            || c is '-' or '\'' or '’' or '.');

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
