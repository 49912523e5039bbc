using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// Decompounding from the index's own vocabulary, at query time: a query word also finds the indexed words
/// that begin with it ("affald" → "affaldsbeholderne", "klasse" → "klasselæreren") or end with it ("affald"
/// → "madaffald", "møde" → "netværksmødet"), where the rest of the word, with or without a Danish linking
/// -s- or -e-, is a word too.
/// </summary>
/// <remarks>
/// The rest is a word when the index has it as a word of its own (or as a part the shipped list split off),
/// or when the shipped list has it: an <em>attested</em> split. A query word of four letters or more (five
/// for a word that ends the compound) also splits off a <em>plausible</em> rest, any three letters or more
/// with a vowel: a long word inside another is rarely there by chance, and a small tenant's texts do not use
/// every word on their own. A rest that is one of Danish's closed set of derivational prefixes (for-, ind-,
/// gen-) or suffixes (-ering, -else, -ator) makes a derivation, not a compound: "park" is not in "parkering",
/// "elev" not in "elevator", "handling" not in "forhandling". Three-letter words need an attested rest.
/// Heads are found in a field of reversed stems (<see cref="ReversedWordStems"/>), beginnings in the body's
/// own term dictionary. A compound scores as if it were the query word itself, at most: with the document
/// frequency of the word and all its compounds together, so a rare compound never outranks the word typed.
/// </remarks>
internal sealed class CompoundExpansion
{
    /// <summary>The shortest part a word is split into (råd, løn, sne).</summary>
    public const int MinPartLength = 3;

    /// <summary>A word this long at the beginning of a compound splits off a plausible rest; a shorter one only an attested rest.</summary>
    public const int MinPlausibleBeginning = 4;

    /// <summary>A word typed this long, whose stem has at least <see cref="MinPlausibleBeginning"/> letters, splits off a
    /// plausible modifier at the end of a compound: endings are shared more often ("led" ends "vejled", "anderled").</summary>
    public const int MinPlausibleEndingForm = 5;

    /// <summary>Compounds a query word expands to, at most: the most frequent first, attested before plausible.</summary>
    public const int MaxTermsPerWord = 24;

    // Candidates looked at per beginning or ending: a three-letter stem can begin thousands of terms.
    private const int MaxCandidates = 256;

    private const float AttestedBoost = 0.7f;
    private const float PlausibleBoost = 0.5f;

    // Closed classes of Danish word formation: a "part" that is one of these makes a derivation, not a compound.
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "af", "an", "be", "bi", "er", "for", "fore", "fra", "gen", "ind", "inde", "med", "mis", "mod", "ned", "om", "op",
        "over", "sam", "til", "ud", "und", "under", "van", "efter", "imod", "super", "anti", "eks", "ikke", "u",
    };

    private static readonly string[] Suffixes =
    [
        "ing", "ning", "ering", "else", "hed", "lig", "isk", "ist", "isme", "ator", "atør", "eri", "ende", "ere",
        "ent", "ant", "ion", "ør", "ig", "som", "agtig", "mæssig", "dom", "inde", "ske", "elig", "ine",
    ];

    // What each word expanded to, per index reader: a reader is one committed state, and the next commit's
    // reader starts afresh. Bounded, so a flood of distinct words cannot grow it without end.
    private const int MaxSharedWordsPerReader = 10_000;
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<(string, string?), List<ExpandedTerm>>> SharedByReader = [];

    private static readonly TFIDFSimilarity Similarity = new DefaultSimilarity();
    private static readonly Lazy<HashSet<string>> s_listedStems = new(ListedStems);

    private readonly IndexReader _reader;
    private readonly string[] _fields;
    private readonly string _reversedField;
    private readonly HashSet<string> _listed;
    private readonly Dictionary<string, bool> _isWord = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string?), List<ExpandedTerm>> _expanded = new();
    private readonly DanishStemmer _stemmer = new();
    private readonly Dictionary<string, TermsEnum?> _lookups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string?), List<ExpandedTerm>>? _shared;

    /// <param name="reader">The index whose vocabulary is used.</param>
    /// <param name="fields">The fields whose terms a query matches (the portal's: the body, which holds title and tags too).</param>
    /// <param name="reversedField">The field of their words' reversed stems (<see cref="ReversedWordStems"/>).</param>
    /// <param name="useCompoundList">Whether the shipped parts list counts as words (false measures without it).</param>
    /// <param name="shareAcrossQueries">Whether words expanded for earlier queries on this reader are reused (false measures the lookups).</param>
    public CompoundExpansion(IndexReader reader, IEnumerable<string> fields, string reversedField, bool useCompoundList = true, bool shareAcrossQueries = true)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _fields = [.. fields];
        _reversedField = reversedField;
        _listed = useCompoundList ? s_listedStems.Value : new HashSet<string>();
        // The shared expansions hold for one way of judging words: the list's.
        _shared = shareAcrossQueries && useCompoundList ? SharedByReader.GetValue(reader, _ => new()) : null;
    }

    /// <summary>How many compound terms this expansion has added to queries so far (the benchmark reports it).</summary>
    public int TermCount { get; private set; }

    /// <summary>The indexed compounds that begin or end with the query word, with the boost each is searched with.</summary>
    /// <param name="stem">The word as the query analyzer made it (normalised, stemmed): "klas".</param>
    /// <param name="form">The word normalised but not stemmed, when known: "klasse".</param>
    public IReadOnlyList<ExpandedTerm> For(string stem, string? form)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (_expanded.TryGetValue((stem, form), out var known))
        {
            return known;
        }

        if (_shared is null || !_shared.TryGetValue((stem, form), out var expanded))
        {
            expanded = Expand(stem, form ?? stem);
            if (_shared is not null && _shared.Count < MaxSharedWordsPerReader)
            {
                _shared.TryAdd((stem, form), expanded);
            }
        }

        _expanded[(stem, form)] = expanded;
        TermCount += expanded.Count;
        return expanded;
    }

    private List<ExpandedTerm> Expand(string stem, string form)
    {
        if (stem.Length < MinPartLength || stem.Contains(DanishSynonyms.PhraseSeparator, StringComparison.Ordinal))
        {
            return [];
        }

        var found = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        // A listed part is split off at index time, so every compound with it already holds it as a term of its
        // own: looking its compounds up again would only add postings (`møde` read 3.7 times as many).
        var splitAtIndexTime = _listed.Contains(stem) || _listed.Contains(form);
        foreach (var field in splitAtIndexTime ? [] : _fields)
        {
            foreach (var beginning in new[] { form, stem }.Distinct(StringComparer.Ordinal).Where(word => word.Length >= MinPartLength))
            {
                foreach (var (term, docFreq) in TermsBeginningWith(field, beginning))
                {
                    var split = Judge(RestsAfter(term, beginning), asModifier: false, beginning.Length >= MinPlausibleBeginning);
                    Add(found, term, docFreq, split);
                }
            }
        }

        foreach (var (reversed, _) in splitAtIndexTime ? [] : TermsBeginningWith(_reversedField, Reverse(stem)))
        {
            var term = Reverse(reversed);
            var split = Judge(ModifiersBefore(term, stem), asModifier: true, form.Length >= MinPlausibleEndingForm && stem.Length >= MinPlausibleBeginning);
            if (split != Split.None && !found.ContainsKey(term) && DocFreq(term) is var docFreq and > 0)
            {
                Add(found, term, docFreq, split);
            }
        }

        // The typed word as a document's word was stemmed: "genbrugsplads" is the stem of "genbrugspladsen",
        // where the stemmer makes "genbrugsplad" of the word typed.
        if (form != stem && DocFreq(form) is var formDocFreq and > 0)
        {
            Add(found, form, formDocFreq, Split.Attested);
        }

        found.Remove(stem);
        if (found.Count == 0)
        {
            return [];
        }

        var chosen = found.Values.OrderBy(candidate => candidate.Split).ThenByDescending(candidate => candidate.DocFreq)
            .ThenBy(candidate => candidate.Term, StringComparer.Ordinal).Take(MaxTermsPerWord).ToList();
        // Scored with the frequency of the word and its compounds together, as an index that split them would.
        var familyDocFreq = Math.Min(_reader.MaxDoc, DocFreq(stem) + chosen.Sum(candidate => candidate.DocFreq));
        var familyIdf = Similarity.Idf(familyDocFreq, _reader.MaxDoc);
        return chosen.Select(candidate =>
        {
            var idf = Similarity.Idf(candidate.DocFreq, _reader.MaxDoc);
            var boost = candidate.Split == Split.Attested ? AttestedBoost : PlausibleBoost;
            return new ExpandedTerm(candidate.Term, boost * (familyIdf / idf) * (familyIdf / idf));
        }).ToList();
    }

    private static void Add(Dictionary<string, Candidate> found, string term, int docFreq, Split split)
    {
        if (split == Split.None)
        {
            return;
        }

        found[term] = found.TryGetValue(term, out var before)
            ? new Candidate(term, Math.Max(docFreq, before.DocFreq), split < before.Split ? split : before.Split)
            : new Candidate(term, docFreq, split);
    }

    // In the field that has it most: the portal searches one field, and a test's title and body are one text split in two.
    private int DocFreq(string term)
    {
        var most = 0;
        var bytes = new BytesRef(term);
        foreach (var field in _fields)
        {
            // One enumerator per field, reused: IndexReader.DocFreq would build new ones for every segment each time.
            if (!_lookups.TryGetValue(field, out var lookup))
            {
                lookup = _lookups[field] = MultiFields.GetTerms(_reader, field)?.GetEnumerator();
            }

            if (lookup is not null && lookup.SeekExact(bytes))
            {
                most = Math.Max(most, lookup.DocFreq);
            }
        }

        return most;
    }

    // The rest of a term after the word it begins with, with and without a linking letter: "sbehold", "behold".
    private static string[] RestsAfter(string term, string beginning)
    {
        var rest = term[beginning.Length..];
        return rest.Length > 0 && rest[0] is 's' or 'e' ? [rest, rest[1..]] : [rest];
    }

    // The beginning of a term before the word it ends with, with and without a linking letter: "netværks", "netværk".
    private static string[] ModifiersBefore(string term, string ending)
    {
        var modifier = term[..^ending.Length];
        return modifier.Length > 0 && modifier[^1] is 's' or 'e' ? [modifier, modifier[..^1]] : [modifier];
    }

    // Attested when a part (as found, or without its linking letter) is a word; plausible when it could be one. A part
    // that is a derivational prefix or suffix as found makes the term a derivation ("forhandling", "parkering"), not a compound.
    private Split Judge(string[] parts, bool asModifier, bool plausibleAllowed)
    {
        if (parts.Length == 0 || IsAffix(parts[0], asModifier))
        {
            return Split.None;
        }

        var best = Split.None;
        foreach (var part in parts)
        {
            if (part.Length < MinPartLength || part.Contains(DanishSynonyms.PhraseSeparator, StringComparison.Ordinal))
            {
                continue;
            }

            if (IsWord(part))
            {
                return Split.Attested;
            }

            if (plausibleAllowed && part.Any(IsVowel))
            {
                best = Split.Plausible;
            }
        }

        return best;
    }

    // A word of the tenant's texts or of the shipped list, as it stands or stemmed ("skole" is indexed as "skol").
    private bool IsWord(string part)
    {
        if (_isWord.TryGetValue(part, out var isWord))
        {
            return isWord;
        }

        _stemmer.SetCurrent(part);
        _stemmer.Stem();
        var stem = _stemmer.Current;
        isWord = _listed.Contains(part) || _listed.Contains(stem) || DocFreq(part) > 0 || (stem != part && DocFreq(stem) > 0);
        _isWord[part] = isWord;
        return isWord;
    }

    // A prefix as it stands; a suffix alone, with an ending the stemmer left ("ering", "elsesopgav" after "led").
    private static bool IsAffix(string part, bool asModifier) => asModifier
        ? Prefixes.Contains(part)
        : Array.Exists(Suffixes, suffix => part.StartsWith(suffix, StringComparison.Ordinal)
            && (part.Length - suffix.Length <= 2 || part[suffix.Length] == 's'));

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'æ' or 'ø' or 'å';

    private IEnumerable<(string Term, int DocFreq)> TermsBeginningWith(string field, string beginning)
    {
        var terms = MultiFields.GetTerms(_reader, field);
        if (terms is null)
        {
            yield break;
        }

        var prefix = new BytesRef(beginning);
        var candidates = terms.GetEnumerator();
        if (candidates.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            yield break;
        }

        var seen = 0;
        do
        {
            var term = candidates.Term;
            if (!StringHelper.StartsWith(term, prefix) || ++seen > MaxCandidates)
            {
                yield break;
            }

            if (term.Length >= prefix.Length + MinPartLength)
            {
                yield return (term.Utf8ToString(), candidates.DocFreq);
            }
        }
        while (candidates.MoveNext());
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    // The parts list, normalised and stemmed like the index's terms.
    private static HashSet<string> ListedStems()
    {
        var stemmer = new DanishStemmer();
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in DanishCompoundParts.Dictionary)
        {
            var text = word.ToString() ?? "";
            stems.Add(text);
            stemmer.SetCurrent(text);
            stemmer.Stem();
            stems.Add(stemmer.Current);
        }

        return stems;
    }

    private enum Split
    {
        Attested,
        Plausible,
        None,
    }

    private sealed record Candidate(string Term, int DocFreq, Split Split);
}

/// <summary>An indexed compound a query word also searches, and the boost it is searched with.</summary>
internal readonly record struct ExpandedTerm(string Term, float Boost);
