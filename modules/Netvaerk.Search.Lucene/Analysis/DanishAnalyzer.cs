using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;
using LuceneDanishAnalyzer = Lucene.Net.Analysis.Da.DanishAnalyzer;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// Danish analysis for the portal's index and queries:
/// StandardTokenizer → lowercase → å/æ/ø normalisation → stop words → compound parts (index only)
/// → Snowball Danish stemming → synonyms (query only). A field named <c>…_reversed</c> gets each word's stem
/// backwards instead (<see cref="ReversedWordStems"/>), the dictionary a query looks up compound heads in.
/// </summary>
/// <remarks>
/// Order matters:
/// <list type="bullet">
/// <item>Normalisation comes first so that the stop words, the compound dictionary, the stemmer and the
/// synonyms all see one spelling: "moede", "møde" and "möde" are one word before anything looks it up.</item>
/// <item>Stop words go before decompounding: a compound part is never a stop word (the word list is
/// checked for that), so removing them first only saves work.</item>
/// <item>Decompounding goes before stemming so that the parts are stemmed like whole words:
/// "netværksmødet" gives "netværksmød", "netværk" and "mød", and a search for "møder" ("mød") finds it.</item>
/// <item>Synonyms go after stemming so that one thesaurus line covers every inflection.</item>
/// </list>
/// Departure: decompounding is index-only, not "same chain both sides". The index holds
/// both the compound and its parts, so a short query word finds the compounds that contain it, while a
/// compound typed as a query stays that compound. Decompounding the query would turn "netværksmøde" into
/// "netværk OR møde", which in a portal about network meetings matches nearly every document.
/// The shipped parts list only adds precision: a query word also finds the indexed compounds that begin
/// or end with it, from the index's own vocabulary (<see cref="CompoundExpansion"/>).
/// </remarks>
public sealed class DanishAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Words shorter than 5 letters are not split; parts of 3+ letters are looked for, so "råd", "løn"
    // and "fag" can be found; the word list decides which short parts exist at all.
    private const int MinWordSize = 5;
    private const int MinSubwordSize = 3;
    private const int MaxSubwordSize = 25;

    /// <summary>The field suffix that makes a field the reversed dictionary of word stems.</summary>
    public const string ReversedFieldSuffix = "_reversed";

    private readonly Chain _chain;
    private readonly SynonymMap? _synonyms;
    private readonly bool _compoundList;

    /// <summary>The index-time analyzer: decompounds, no synonyms.</summary>
    public DanishAnalyzer() : this(Chain.Index, synonyms: null, compoundList: true)
    {
    }

    // Per field: the reversed field is analysed by another chain than the text fields.
    private DanishAnalyzer(Chain chain, SynonymMap? synonyms, bool compoundList) : base(PER_FIELD_REUSE_STRATEGY)
    {
        _chain = chain;
        // An empty map has no FST, and SynonymFilter refuses to run without one.
        _synonyms = synonyms?.Fst is null ? null : synonyms;
        _compoundList = compoundList;
    }

    /// <summary>The query-time analyzer: no decompounding, the given synonyms after stemming.</summary>
    public static DanishAnalyzer ForQuery(SynonymMap? synonyms) => new(Chain.Query, synonyms, compoundList: true);

    /// <summary>The index-time analyzer without the shipped parts list: compounds are then found at query time
    /// alone. For measuring what the list adds (the ablation test).</summary>
    internal static DanishAnalyzer WithoutCompoundList() => new(Chain.Index, synonyms: null, compoundList: false);

    // The query's words as typed, normalised and without stop words, unstemmed: "klasse", where the stem is "klas",
    // is the form a compound begins with ("klasselærer").
    internal static DanishAnalyzer ForQueryForms() => new(Chain.QueryForms, synonyms: null, compoundList: true);

    /// <summary>The words' terms this analyzer indexes, remembered per word.</summary>
    internal DanishWords Words => _compoundList ? DanishWords.WithCompoundList : DanishWords.WithoutCompoundList;

    /// <summary>Whether the index was split with the shipped parts list (it is, except when measuring without it).</summary>
    internal bool UsesCompoundList => _compoundList;

    // Analyses thesaurus entries: no stop words, so a stop word inside an entry stays a word
    // (and simply never matches) instead of leaving a hole SynonymMap cannot represent.
    internal static DanishAnalyzer ForSynonymEntries() => new(Chain.SynonymEntry, synonyms: null, compoundList: true);

    internal static CharArraySet StopWords => LuceneDanishAnalyzer.DefaultStopSet;

    // One lowercased word through the index chain: what CachedWordAnalysis remembers per word.
    internal static DanishAnalyzer ForOneWord(bool compoundList) => new(Chain.Word, synonyms: null, compoundList);

    // A field given several values (the body: title, tags, text) keeps them apart, so no phrase runs from one into the next.
    public override int GetPositionIncrementGap(string fieldName) => FieldValuesApart.Gap;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        if (_chain == Chain.Index && fieldName.EndsWith(ReversedFieldSuffix, StringComparison.Ordinal))
        {
            // Runs of letters are words enough for a dictionary, and far cheaper to find than StandardTokenizer's.
            var letters = new LowerCaseTokenizer(Version, reader);
            return new TokenStreamComponents(letters, new ReversedWordStems(letters, Words));
        }

        if (_chain == Chain.Index)
        {
            // Every filter after lowercasing works word by word, so each word's terms are worked out once
            // (by the Word chain) and then read from a cache: most of the cost of indexing and highlighting.
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer,
                new CachedWordAnalysis(new LowerCaseFilter(Version, new StopWordAcronyms(tokenizer)), Words));
        }

        Tokenizer source = _chain == Chain.Word ? new KeywordTokenizer(reader) : new StandardTokenizer(Version, reader);
        TokenStream stream = _chain == Chain.Word ? source : new LowerCaseFilter(Version, new StopWordAcronyms(source));
        stream = DanishLetters.Normalize(stream);
        if (_chain != Chain.SynonymEntry)
        {
            stream = new StopFilter(Version, stream, StopWords);
        }

        if (_chain == Chain.QueryForms)
        {
            return new TokenStreamComponents(source, stream);
        }

        if (_chain == Chain.Word && _compoundList)
        {
            // onlyLongestMatch is off: "mødeleder" must yield "møde" and "leder", not only "mødeleder".
            stream = new DictionaryCompoundWordTokenFilter(Version, stream, DanishCompoundParts.Dictionary,
                MinWordSize, MinSubwordSize, MaxSubwordSize, onlyLongestMatch: false);
        }

        stream = new SnowballFilter(stream, new DanishStemmer());
        if (_chain == Chain.Word)
        {
            // "mødet" yields the part "møde"; both stem to "mød" and one copy is enough.
            stream = new RemoveDuplicatesTokenFilter(stream);
        }
        else if (_chain == Chain.Query && _synonyms is not null)
        {
            stream = new SynonymFilter(stream, _synonyms, ignoreCase: false);
        }

        return new TokenStreamComponents(source, stream);
    }

    private enum Chain
    {
        Index,
        Word,
        Query,
        QueryForms,
        SynonymEntry,
    }
}
