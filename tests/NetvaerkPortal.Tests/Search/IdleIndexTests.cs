using Lucene.Net.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using Netvaerk.Search.Lucene.Indexes;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Index writers and searchers close when idle and open again on demand, losing nothing.</summary>
public sealed class IdleIndexTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "idle-index-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void An_idle_index_lets_go_of_its_files_and_opens_again_when_searched()
    {
        var indexes = Enumerable.Range(0, 20).Select(i => Open($"t{i}")).ToList();
        try
        {
            foreach (var (index, i) in indexes.Select((index, i) => (index, i)))
            {
                index.Apply($"item{i}", Document($"Referat af mødet nummer {i}"));
                index.Commit(i + 1);
            }

            Assert.True(FilesHeld() >= indexes.Count, $"{FilesHeld()} files held while open");
            Assert.All(indexes, index => Assert.True(index.CloseIfIdle(TimeSpan.Zero)));
            Assert.All(indexes, index => Assert.False(index.IsOpen));
            Assert.Equal(0, FilesHeld());

            Assert.Equal(1, indexes[7].DocumentCount);
            Assert.True(indexes[7].IsOpen);
            Assert.False(indexes[8].IsOpen);
        }
        finally
        {
            indexes.ForEach(index => index.Dispose());
        }
    }

    [Fact]
    public void A_write_after_closing_is_kept_and_a_reopened_index_is_not_taken_for_damaged()
    {
        var path = Path.Combine(_root, "w");
        using (var index = Open("w"))
        {
            index.Apply("a", Document("Første"));
            index.Commit(1);
            Assert.True(index.CloseIfIdle(TimeSpan.Zero));

            index.Apply("b", Document("Anden"));
            index.Commit(2);
            Assert.True(index.CloseIfIdle(TimeSpan.Zero));
            Assert.Equal(2, index.DocumentCount);
        }

        using var reopened = LuceneIndex.Open("t", "w", path, new LuceneIndexSettings(), NullLogger.Instance);
        Assert.Null(reopened.RebuildReason);
        Assert.Equal(2, reopened.DocumentCount);
        Assert.Equal(2, reopened.Cursor);
    }

    [Fact]
    public async Task An_index_in_use_or_being_written_is_not_closed()
    {
        using var index = Open("busy");
        index.Apply("a", Document("Første"));
        index.Commit(1);

        Assert.False(index.CloseIfIdle(TimeSpan.FromHours(1)));
        await index.WriteLock.WaitAsync();
        try
        {
            index.Apply("b", Document("Halvt skrevet"));
            Assert.False(index.CloseIfIdle(TimeSpan.Zero));
        }
        finally
        {
            index.Commit(2);
            index.WriteLock.Release();
        }

        Assert.False(index.Search(searcher => index.CloseIfIdle(TimeSpan.Zero)));
        Assert.True(index.CloseIfIdle(TimeSpan.Zero));
        Assert.Equal(2, index.DocumentCount);
    }

    [Fact]
    public void An_index_whose_files_went_while_it_was_closed_is_rebuilt_not_a_failure()
    {
        using var index = Open("gone");
        index.Apply("a", Document("Første"));
        index.Commit(1);
        Assert.True(index.CloseIfIdle(TimeSpan.Zero));
        foreach (var file in Directory.GetFiles(Path.Combine(_root, "gone"), "*.c*"))
        {
            File.WriteAllText(file, "damaged");
        }

        _ = index.DocumentCount;

        Assert.NotNull(index.RebuildReason);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private LuceneIndex Open(string name) =>
        LuceneIndex.Open("t", name, Path.Combine(_root, name), new LuceneIndexSettings(), NullLogger.Instance);

    private static Document Document(string text) =>
    [
        new StringField(SearchFieldNames.Id, text, Field.Store.NO),
        new TextField(SearchFieldNames.Body, text, Field.Store.NO),
    ];

    // Files of these indexes this process holds open or mapped into memory (Linux).
    private int FilesHeld()
    {
        var open = Directory.GetFiles("/proc/self/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Count(target => target?.StartsWith(_root, StringComparison.Ordinal) == true);
        var mapped = File.ReadLines("/proc/self/maps").Count(line => line.Contains(_root, StringComparison.Ordinal));
        return open + mapped;
    }
}
