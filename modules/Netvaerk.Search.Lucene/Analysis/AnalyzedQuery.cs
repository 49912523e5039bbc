using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>Turns a <see cref="QueryText"/> into a Lucene query by running its parts through an analyzer.</summary>
internal static class AnalyzedQuery
{
    // A synonym scores a little below the word typed, so the typed word ranks first when both occur.
    private const float SynonymBoost = 0.8f;

    // Across fields and alternatives the best match counts, plus a tenth of the others.
    private const float TieBreaker = 0.1f;

    // Positions of one analysed text that make it into the query: more words than anybody types, and few enough
    // that no BooleanQuery nears its clause limit (1,024) whatever the analyzer makes of the text ("a-a-a-…").
    internal const int MaxPositions = 64;

    private static readonly Lazy<DanishAnalyzer> FormsAnalyzer = new(DanishAnalyzer.ForQueryForms);

    /// <param name="anyWord">Match documents with any of the words (ranked by how many they have), not <see cref="MinimumWordsToMatch"/>.</param>
    public static Query Build(QueryText text, Analyzer analyzer, IReadOnlyList<SearchField> fields, CompoundExpansion? compounds = null, bool anyWord = false)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        if (fields is null || fields.Count == 0)
        {
            throw new ArgumentException("Name at least one field to search.", nameof(fields));
        }

        // One analysis for all fields: the portal analyses every searched field with the same analyzer.
        var analysisField = fields[0].Name;
        // The Danish index holds the thesaurus phrases as terms of their own (DanishSynonyms.IndexedPhrases).
        var phrases = analyzer is DanishAnalyzer ? DanishSynonyms.IndexedPhrases : null;
        var query = new BooleanQuery();
        var words = WordsQuery(AnalyzeWords(text, analyzer, analysisField, compounds), fields, phrases, anyWord);
        if (words is not null)
        {
            query.Add(words, Occur.MUST);
        }

        foreach (var phrase in text.Phrases)
        {
            if (ExactQuery(Analyze(analyzer, analysisField, phrase), fields, phrases) is { } exact)
            {
                query.Add(exact, Occur.MUST);
            }
        }

        var hasPositive = query.Clauses.Count > 0;
        foreach (var excluded in text.Excluded)
        {
            if (ExactQuery(Analyze(analyzer, analysisField, excluded), fields, phrases) is { } exact)
            {
                query.Add(exact, Occur.MUST_NOT);
            }
        }

        // "-kantine" alone means everything but the canteen; Lucene matches nothing for a purely negative query.
        if (!hasPositive && query.Clauses.Count > 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return query;
    }

    internal static IReadOnlyList<string[][]> TermGroups(QueryText text, Analyzer analyzer, string field, CompoundExpansion? compounds = null)
    {
        var groups = Segments(AnalyzeWords(text, analyzer, field, compounds))
            .Select(segment => segment.Select(token => token.Text.Split(DanishSynonyms.PhraseSeparator))
                .Concat(segment.SelectMany(token => token.Compounds).Select(compound => new[] { compound.Term }))
                .ToArray())
            .ToList();
        foreach (var phrase in text.Phrases)
        {
            var words = Analyze(analyzer, field, phrase).Where(token => !token.IsSynonym).Select(token => token.Text).ToArray();
            if (words.Length > 0)
            {
                groups.Add([words]);
            }
        }

        return groups;
    }

    /// <summary>
    /// How many of <paramref name="wordCount"/> words a document must match: all of one or two words,
    /// three quarters (rounded down) of longer queries.
    /// </summary>
    /// <remarks>
    /// Not MUST for every word: in a longer Danish query one word is often a compound the document writes
    /// apart or differently ("netværksmøde" against "møde i netværket"), and requiring it would lose the
    /// document. Short queries stay strict because each word carries the meaning. Documents matching
    /// more words still rank first (coordination factor).
    /// </remarks>
    public static int MinimumWordsToMatch(int wordCount) => wordCount <= 2 ? wordCount : wordCount * 3 / 4;

    private static Query? WordsQuery(IReadOnlyList<AnalyzedToken> tokens, IReadOnlyList<SearchField> fields, IReadOnlySet<string>? indexedPhrases,
        bool anyWord)
    {
        var segments = Segments(tokens).Select(segment => SegmentQuery(segment, fields, indexedPhrases)).ToArray();
        if (segments.Length == 0)
        {
            return null;
        }

        if (segments.Length == 1)
        {
            return segments[0];
        }

        // When every word is required they are MUST clauses: the same matches and scores, but a conjunction
        // leapfrogs through the words' documents where "all of the SHOULD clauses" visits each one's.
        // With any word allowed, BooleanQuery's coordination factor still ranks the documents with more of them first.
        var minimum = anyWord ? 1 : MinimumWordsToMatch(segments.Length);
        var allRequired = minimum == segments.Length;
        var query = new BooleanQuery();
        foreach (var segment in segments)
        {
            query.Add(segment, allRequired ? Occur.MUST : Occur.SHOULD);
        }

        query.MinimumNumberShouldMatch = allRequired ? 0 : minimum;
        return query;
    }

    // Groups tokens into runs of positions that a multi-word synonym ties together; a run is one "word"
    // for MinimumWordsToMatch ("kollegial sparring" with its synonym "sparring" is one).
    private static IEnumerable<List<AnalyzedToken>> Segments(IReadOnlyList<AnalyzedToken> tokens)
    {
        List<AnalyzedToken>? current = null;
        var end = -1;
        foreach (var token in tokens.OrderBy(token => token.Position))
        {
            if (current is null || token.Position >= end)
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = [];
                end = token.Position + token.Length;
            }

            current.Add(token);
            end = Math.Max(end, token.Position + token.Length);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    // A segment matches through a synonym spanning all of it, or through every one of its positions
    // (each position: the typed word or a one-word synonym of it).
    private static Query SegmentQuery(List<AnalyzedToken> segment, IReadOnlyList<SearchField> fields, IReadOnlySet<string>? indexedPhrases)
    {
        var start = segment.Min(token => token.Position);
        var end = segment.Max(token => token.Position + token.Length);
        var alternatives = new DisjunctionMaxQuery(TieBreaker);
        foreach (var token in segment.Where(token => token.Length > 1 && token.Position == start && token.Position + token.Length == end))
        {
            AddTermAlternatives(alternatives, token, fields, indexedPhrases);
        }

        var positions = segment.Where(token => token.Length == 1).GroupBy(token => token.Position).ToArray();
        if (positions.Length > 0)
        {
            var everyPosition = new BooleanQuery();
            foreach (var position in positions)
            {
                var atPosition = new DisjunctionMaxQuery(TieBreaker);
                foreach (var token in position)
                {
                    AddTermAlternatives(atPosition, token, fields, indexedPhrases);
                }

                everyPosition.Add(atPosition, Occur.MUST);
            }

            alternatives.Add(positions.Length == 1 ? everyPosition.Clauses[0].Query : everyPosition);
        }

        return alternatives.Disjuncts.Count == 1 ? alternatives.Disjuncts[0] : alternatives;
    }

    private static void AddTermAlternatives(DisjunctionMaxQuery alternatives, AnalyzedToken token, IReadOnlyList<SearchField> fields,
        IReadOnlySet<string>? indexedPhrases)
    {
        var words = token.Text.Split(DanishSynonyms.PhraseSeparator);
        foreach (var field in fields)
        {
            var query = Phrase(field.Name, words.Select((word, i) => (i, new[] { word })).ToArray(), indexedPhrases);
            query.Boost = field.Boost * (token.IsSynonym ? SynonymBoost : 1f);
            alternatives.Add(query);
            foreach (var compound in token.Compounds)
            {
                alternatives.Add(new TermQuery(new Term(field.Name, compound.Term)) { Boost = query.Boost * compound.Boost });
            }
        }
    }

    // The typed words analysed, each word (typed, or a one-word synonym) with the indexed compounds that begin or end with it.
    private static IReadOnlyList<AnalyzedToken> AnalyzeWords(QueryText text, Analyzer analyzer, string field, CompoundExpansion? compounds)
    {
        var joined = string.Join(' ', text.Words);
        var tokens = Analyze(analyzer, field, joined);
        if (compounds is null || analyzer is not DanishAnalyzer || tokens.Count == 0)
        {
            return tokens;
        }

        var forms = Analyze(FormsAnalyzer.Value, field, joined).ToDictionary(token => token.Position, token => token.Text);
        return tokens.Select(token => token.Length > 1 || token.Text.Contains(DanishSynonyms.PhraseSeparator, StringComparison.Ordinal)
                ? token
                : token with { Compounds = compounds.For(token.Text, token.IsSynonym ? null : forms.GetValueOrDefault(token.Position)) })
            .ToList();
    }

    // A quoted phrase or an excluded word means what was typed: synonyms are left out. Words at the same
    // position (an analyzer that adds them) are alternatives within the phrase.
    private static Query? ExactQuery(IReadOnlyList<AnalyzedToken> tokens, IReadOnlyList<SearchField> fields, IReadOnlySet<string>? indexedPhrases)
    {
        var positions = tokens.Where(token => !token.IsSynonym)
            .GroupBy(token => token.Position)
            .OrderBy(group => group.Key)
            .ToArray();
        if (positions.Length == 0)
        {
            return null;
        }

        var first = positions[0].Key;
        var slots = positions.Select(group => (group.Key - first, group.Select(token => token.Text).Distinct().ToArray())).ToArray();
        var perField = new DisjunctionMaxQuery(TieBreaker);
        foreach (var field in fields)
        {
            var query = Phrase(field.Name, slots, indexedPhrases);
            query.Boost = field.Boost;
            perField.Add(query);
        }

        return fields.Count == 1 ? perField.Disjuncts[0] : perField;
    }

    private static Query Phrase(string field, (int Offset, string[] Terms)[] slots, IReadOnlySet<string>? indexedPhrases)
    {
        if (indexedPhrases is not null && slots is [(0, [var first]), (1, [var second])]
            && indexedPhrases.Contains(first + DanishSynonyms.PhraseSeparator + second))
        {
            return new TermQuery(new Term(field, first + DanishSynonyms.PhraseSeparator + second));
        }

        if (slots.Length == 1)
        {
            var terms = slots[0].Terms;
            if (terms.Length == 1)
            {
                return new TermQuery(new Term(field, terms[0]));
            }

            var any = new BooleanQuery();
            foreach (var term in terms)
            {
                any.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }

            return any;
        }

        if (slots.All(slot => slot.Terms.Length == 1))
        {
            var phrase = new PhraseQuery();
            foreach (var (offset, terms) in slots)
            {
                phrase.Add(new Term(field, terms[0]), offset);
            }

            return phrase;
        }

        var multi = new MultiPhraseQuery();
        foreach (var (offset, terms) in slots)
        {
            multi.Add(terms.Select(term => new Term(field, term)).ToArray(), offset);
        }

        return multi;
    }

    internal static IReadOnlyList<AnalyzedToken> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position = Math.Max(0, position + increment.PositionIncrement);
            if (position >= MaxPositions)
            {
                break;
            }

            tokens.Add(new AnalyzedToken(term.ToString(), position, Math.Max(1, length.PositionLength),
                type.Type == DanishSynonyms.SynonymTokenType));
        }

        stream.End();
        return tokens;
    }

    internal sealed record AnalyzedToken(string Text, int Position, int Length, bool IsSynonym)
    {
        /// <summary>The indexed compounds a typed word also searches (<see cref="CompoundExpansion"/>).</summary>
        public IReadOnlyList<ExpandedTerm> Compounds { get; init; } = [];
    }
}
