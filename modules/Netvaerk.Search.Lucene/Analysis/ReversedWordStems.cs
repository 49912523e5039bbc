using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// The stem of each word long enough to be a compound, written backwards: "madaffald" → "dlaffadam". The
/// reversed field is a dictionary, not something a query matches: looking up the reversed stem of "affald"
/// there finds every indexed word that ends in it (<see cref="CompoundExpansion"/>), which the ordinary
/// term dictionary, sorted by beginnings, cannot do without reading all of it.
/// </summary>
internal sealed class ReversedWordStems : TokenFilter
{
    /// <summary>Two parts of at least <see cref="CompoundExpansion.MinPartLength"/> letters.</summary>
    public const int MinCompoundLength = 2 * CompoundExpansion.MinPartLength;

    private readonly DanishWords _words;
    private readonly ICharTermAttribute _term;

    public ReversedWordStems(TokenStream input, DanishWords words) : base(input)
    {
        _words = words;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            if (_term.Length < MinCompoundLength)
            {
                continue;
            }

            var terms = _words.Terms(_term.ToString());
            if (terms.Length == 0 || terms[0].Length < MinCompoundLength)
            {
                continue;
            }

            var stem = terms[0];
            if (stem.Any(char.IsSurrogate))
            {
                // Reversed, a pair of surrogates would no longer be a character; nobody searches for half an emoji.
                continue;
            }

            _term.SetEmpty();
            for (var i = stem.Length - 1; i >= 0; i--)
            {
                _term.Append(stem[i]);
            }

            return true;
        }

        return false;
    }
}
