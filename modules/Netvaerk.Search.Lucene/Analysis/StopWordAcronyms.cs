using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>
/// Keeps an acronym of the thesaurus that is also a Danish stop word when lowercased ("MED", the
/// co-determination committee, is "med", with) from being dropped as a stop word: written in capitals, it
/// becomes the term "med_", in texts, queries and thesaurus lines alike. Runs before lowercasing, which is
/// the last place where "MED" and "med" differ; "med" in lower case stays the stop word it is.
/// </summary>
internal sealed class StopWordAcronyms(TokenStream input) : TokenFilter(input)
{
    /// <summary>Appended to such an acronym's term: no word the tokenizer finds ends in it.</summary>
    public const char Marker = '_';

    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_term.Length is >= 2 and <= 5 && DanishSynonyms.StopWordAcronyms.Contains(_term.ToString()))
        {
            _term.Append(Marker);
        }

        return true;
    }
}
