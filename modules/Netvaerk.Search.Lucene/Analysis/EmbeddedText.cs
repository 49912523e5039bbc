namespace Netvaerk.Search.Lucene.Analysis;

// The word list and the thesaurus ship inside the assembly, so every tenant and every test reads the
// same files without a path to configure.
internal static class EmbeddedText
{
    public static string Read(string fileName)
    {
        var name = $"Netvaerk.Search.Lucene.Analysis.{fileName}";
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource '{name}' is missing from the search module's assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Non-blank lines that are not '#' comments, trimmed.
    public static IEnumerable<(int Number, string Text)> ContentLines(string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return (number, line);
            }
        }
    }
}
