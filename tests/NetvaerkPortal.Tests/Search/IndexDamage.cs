namespace NetvaerkPortal.Tests.Search;

/// <summary>Damages an index on disk as a failing disk or a stray process would.</summary>
public static class IndexDamage
{
    public const int MaxDamagedBytes = 200 * 1024;

    /// <summary>Writes random bytes over the middle of the index's largest file, in place (an open reader's mapped view
    /// sees them): 200 KB, or the middle four fifths of a smaller file. Returns the file's name.</summary>
    public static string CorruptMiddleOfLargestFile(string indexPath, int seed = 9)
    {
        var largest = new DirectoryInfo(indexPath).GetFiles().OrderByDescending(file => file.Length).First();
        var length = (int)Math.Min(MaxDamagedBytes, largest.Length * 4 / 5);
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        using (var stream = new FileStream(largest.FullName, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            stream.Position = (largest.Length - length) / 2;
            stream.Write(bytes);
        }

        return largest.Name;
    }

    /// <summary>Lucene's own full check of the index on disk: true when every segment reads back as written.</summary>
    public static bool IsClean(string indexPath)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(indexPath);
        return new Lucene.Net.Index.CheckIndex(directory) { InfoStream = null }.DoCheckIndex().Clean;
    }

    /// <summary>Words a test can search for: every <see cref="Text"/> holds some of them.</summary>
    public static readonly IReadOnlyList<string> Vocabulary =
    [
        "netværk", "møde", "sparring", "leder", "kollega", "referat", "tillid", "dagsorden", "opfølgning", "evaluering",
        "trivsel", "vagtplan", "forandring", "samarbejde", "borger", "kommune", "faglighed", "udvikling", "rolle", "tovholder",
    ];

    /// <summary>A text of <paramref name="words"/> words, different for each <paramref name="seed"/>: words of the
    /// <see cref="Vocabulary"/> among made-up ones, so that the index has many terms, not only long texts.</summary>
    public static string Text(int seed, int words = 300)
    {
        string[] syllables = ["ka", "lo", "mi", "ne", "sa", "tu", "ve", "ri", "bo", "da", "gø", "hæ", "så"];
        var random = new Random(seed);
        string Word() => random.Next(10) < 3
            ? Vocabulary[random.Next(Vocabulary.Count)]
            : string.Concat(Enumerable.Range(0, 3 + random.Next(3)).Select(_ => syllables[random.Next(syllables.Length)]));
        return string.Join(' ', Enumerable.Range(0, words).Select(_ => Word()));
    }
}
