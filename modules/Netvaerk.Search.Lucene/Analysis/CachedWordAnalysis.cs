using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// The Danish index chain after lowercasing (å/æ/ø normalisation, stop words, decompounding, stemming,
/// duplicates), each word's terms read from <see cref="DanishWords"/>, which remembers them.
/// </summary>
/// <remarks>
/// Emits what the uncached chain emits: a stop word leaves a gap in the positions (as StopFilter does),
/// the first term of a word takes the word's position, the others (its parts) stand at the same position
/// with the word's offsets and type. Pinned against the uncached chain by a test.
/// After a word's own terms come the thesaurus phrases it ends (<see cref="DanishSynonyms.IndexedPhrases"/>):
/// "kollegial sparring" is one more term at the position of "sparring" when "kollegial" stands right before it.
/// </remarks>
internal sealed class CachedWordAnalysis : TokenFilter
{
    private readonly DanishWords _words;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private string[] _pending = [];
    private int _next;
    private int _skipped;
    private State? _word;

    // The terms of the word before, while nothing (a stop word, a gap) stands between it and the next.
    private string[] _previousWord = [];

    public CachedWordAnalysis(TokenStream input, DanishWords words) : base(input)
    {
        _words = words;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next < _pending.Length)
        {
            RestoreState(_word);
            _term.SetEmpty().Append(_pending[_next++]);
            _increment.PositionIncrement = 0;
            return true;
        }

        while (m_input.IncrementToken())
        {
            var terms = _words.Terms(_term.ToString());
            if (terms.Length == 0)
            {
                _skipped += _increment.PositionIncrement;
                _previousWord = [];
                continue;
            }

            var adjacent = _skipped == 0 && _increment.PositionIncrement == 1;
            var phrases = adjacent ? PhrasesEndingWith(_previousWord, terms) : null;
            _previousWord = terms;
            _increment.PositionIncrement += _skipped;
            _skipped = 0;
            _term.SetEmpty().Append(terms[0]);
            _pending = phrases is null ? terms : [.. terms, .. phrases];
            _next = 1;
            _word = _pending.Length > 1 ? CaptureState() : null;
            return true;
        }

        return false;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement += _skipped;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = [];
        _next = 0;
        _skipped = 0;
        _word = null;
        _previousWord = [];
    }

    // The indexed phrases whose first word is one of the previous word's terms and whose second is one of this word's.
    private static List<string>? PhrasesEndingWith(string[] previousWord, string[] word)
    {
        if (previousWord.Length == 0)
        {
            return null;
        }

        List<string>? phrases = null;
        foreach (var second in word)
        {
            if (DanishSynonyms.IndexedPhraseFirstWords.TryGetValue(second, out var firsts))
            {
                foreach (var first in firsts)
                {
                    if (Array.IndexOf(previousWord, first) >= 0)
                    {
                        (phrases ??= []).Add(first + DanishSynonyms.PhraseSeparator + second);
                    }
                }
            }
        }

        return phrases;
    }
}
