using System.Globalization;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>A synonym line that cannot be used. <see cref="Exception.Message"/> is English (logs, command line);
/// <see cref="Problem"/> is the Danish source text the admin page translates, with {0} the line's number, {1} its
/// text and {2}… the <see cref="Arguments"/>.</summary>
public sealed class SynonymLineException : ArgumentException
{
    internal SynonymLineException(string source, int lineNumber, string line, string englishProblem, string problem, params object[] arguments)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Synonym line {lineNumber} of {source} (\"{line}\") cannot be used: {englishProblem}. Write synonyms as 'a, b, c' or 'a, b => c', one group a line."))
    {
        LineNumber = lineNumber;
        Line = line;
        Problem = problem;
        Arguments = arguments;
    }

    public int LineNumber { get; }

    public string Line { get; }

    public string Problem { get; }

    public IReadOnlyList<object> Arguments { get; }
}
