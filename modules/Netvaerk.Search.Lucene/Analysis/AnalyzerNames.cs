using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>The analyzers an index can be configured with, by name.</summary>
public static class AnalyzerNames
{
    public const string Danish = "danish";
    public const string English = "english";
    public const string Standard = "standard";

    /// <summary>Orchard Core's name for Lucene's StandardAnalyzer, so its index settings carry over.</summary>
    public const string StandardAnalyzer = "standardanalyzer";

    public const string Default = Danish;

    public static IReadOnlyList<string> All { get; } = [Danish, English, Standard, StandardAnalyzer];

    /// <summary>
    /// The index-time analyzer for <paramref name="name"/> (case-insensitive; empty means
    /// <see cref="Default"/>). Query with <see cref="CreateQueryAnalyzer"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="All"/>.</exception>
    public static Analyzer CreateIndexAnalyzer(string? name) => Resolve(name) switch
    {
        Danish => new DanishAnalyzer(),
        English => new FieldValuesApart(new EnglishAnalyzer(DanishAnalyzer.Version)),
        _ => new FieldValuesApart(new StandardAnalyzer(DanishAnalyzer.Version)),
    };

    /// <summary>
    /// The query-time analyzer for <paramref name="name"/>: for Danish, the same chain without
    /// decompounding and with the thesaurus plus <paramref name="extraSynonyms"/>; the others analyse
    /// queries as they index.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="All"/>.</exception>
    public static Analyzer CreateQueryAnalyzer(string? name, string? extraSynonyms = null) =>
        Resolve(name) == Danish ? DanishSynonyms.CreateQueryAnalyzer(extraSynonyms) : CreateIndexAnalyzer(name);

    private static string Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Default;
        }

        var key = name.Trim().ToLowerInvariant();
        return key switch
        {
            Danish or English => key,
            Standard or StandardAnalyzer => Standard,
            _ => throw new ArgumentException(
                $"Unknown analyzer '{name}'. Use one of: {string.Join(", ", All)}.", nameof(name)),
        };
    }
}
