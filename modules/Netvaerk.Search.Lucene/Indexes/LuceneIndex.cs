using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Netvaerk.Search.Lucene.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>One index of one tenant on disk: its only writer in this process, a SearcherManager for
/// readers, and the cursor (the last indexing-log Id applied), kept in a file beside the index.</summary>
public sealed class LuceneIndex : IDisposable
{
    // Raise when the fields or their analysis change: an index of another schema is rebuilt, not read wrongly.
    // 3: the thesaurus phrases are indexed as terms of their own; the body field also holds the title and tags.
    internal const int SchemaVersion = 3;
    private const string SchemaKey = "schema";
    private const string AnalyzerKey = "analyzer";

    private readonly LuceneDirectory _directory;
    private IndexWriter _writer;
    private volatile SearcherManager _searchers;

    private LuceneIndex(string tenant, string name, string path, LuceneIndexSettings settings, Analyzer analyzer,
        LuceneDirectory directory, IndexWriter writer, string? rebuildReason)
    {
        Tenant = tenant;
        Name = name;
        Path = path;
        Settings = settings;
        IndexAnalyzer = analyzer;
        _directory = directory;
        _writer = writer;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        RebuildReason = rebuildReason;
        Cursor = rebuildReason is null ? ReadCursor(CursorPath) ?? 0 : 0;
        if (rebuildReason is null && Cursor == 0 && _writer.NumDocs > 0)
        {
            // An index without its cursor cannot know which writes it has seen.
            RebuildReason = "its cursor file is missing";
        }
    }

    public string Tenant { get; }

    public string Name { get; }

    public string Path { get; }

    public LuceneIndexSettings Settings { get; }

    public Analyzer IndexAnalyzer { get; }

    /// <summary>The Id of the last indexing-log row this index has applied.</summary>
    public long Cursor { get; private set; }

    /// <summary>Why the index must be rebuilt from the database (missing, corrupt, other schema), or null.</summary>
    public string? RebuildReason { get; private set; }

    /// <summary>Serialises catch-up and rebuild, so the cursor only moves forward.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public string CursorPath => Path + ".cursor";

    /// <summary>
    /// Opens the index at <paramref name="path"/>, creating it when missing. A missing, unreadable or
    /// outdated index is replaced by an empty one and marked with a <see cref="RebuildReason"/>.
    /// </summary>
    /// <exception cref="LockObtainFailedException">Another process (a running portal) holds the index's writer.</exception>
    public static LuceneIndex Open(string tenant, string name, string path, LuceneIndexSettings settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        System.IO.Directory.CreateDirectory(path);
        var analyzer = AnalyzerNames.CreateIndexAnalyzer(settings.AnalyzerName);
        var directory = FSDirectory.Open(path);
        string? reason = null;
        IndexWriter? writer = null;
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                reason = "it does not exist yet";
            }
            else
            {
                writer = new IndexWriter(directory, Config(analyzer, OpenMode.APPEND));
                reason = CheckReadable(writer, settings);
            }
        }
        catch (LockObtainFailedException)
        {
            directory.Dispose();
            analyzer.Dispose();
            throw;
        }
        catch (Exception error) when (error is IOException or CorruptIndexException or IndexFormatTooOldException
            or IndexFormatTooNewException or InvalidOperationException or ArgumentException or FormatException)
        {
            reason = $"it could not be read ({error.GetType().Name}: {error.Message})";
        }

        if (reason is not null)
        {
            writer?.Dispose();
            writer = null;
        }

        if (writer is null)
        {
            logger.Log(DirectoryReader.IndexExists(directory) ? LogLevel.Warning : LogLevel.Information,
                "The search index {Index} of tenant {Tenant} will be rebuilt from the database: {Reason}", name, tenant, reason);
            foreach (var file in directory.ListAll())
            {
                directory.DeleteFile(file);
            }

            // Nothing is committed until the rebuild is: a crash before then finds no index and rebuilds again.
            writer = new IndexWriter(directory, Config(analyzer, OpenMode.CREATE));
            File.Delete(path + ".cursor");
        }

        return new LuceneIndex(tenant, name, path, settings, analyzer, directory, writer, reason);
    }

    /// <summary>Runs <paramref name="search"/> on the newest committed state.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var searchers = _searchers;
        IndexSearcher searcher;
        try
        {
            searcher = searchers.Acquire();
        }
        catch (ObjectDisposedException)
        {
            // A rollback swapped the manager between reading the field and acquiring.
            searchers = _searchers;
            searcher = searchers.Acquire();
        }

        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public int DocumentCount => Search(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Adds or replaces the item's document (by id), or removes it when <paramref name="document"/> is null.</summary>
    public void Apply(string contentItemId, Document? document)
    {
        var id = new Term(SearchFieldNames.Id, contentItemId);
        if (document is null)
        {
            _writer.DeleteDocuments(id);
        }
        else
        {
            _writer.UpdateDocument(id, document);
        }
    }

    /// <summary>Starts a rebuild: every document goes; readers keep seeing the old ones until <see cref="Commit"/>.</summary>
    public void Clear() => _writer.DeleteAll();

    /// <summary>Makes everything applied so far durable and visible, and records <paramref name="cursor"/>.</summary>
    public void Commit(long cursor)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [AnalyzerKey] = Settings.AnalyzerName.ToLowerInvariant(),
        });
        _writer.Commit();
        // After the commit: a crash in between re-applies a few log rows (harmless), never skips one.
        WriteCursor(cursor);
        Cursor = cursor;
        RebuildReason = null;
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Throws away everything applied since the last commit (a rebuild or batch that failed half-way),
    /// so a later commit cannot publish half of it.</summary>
    public void Rollback()
    {
        // IndexWriter.Rollback also closes the writer: open a new one on the last commit.
        _writer.Rollback();
        var old = _searchers;
        _writer = new IndexWriter(_directory, Config(IndexAnalyzer, DirectoryReader.IndexExists(_directory) ? OpenMode.APPEND : OpenMode.CREATE));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        old.Dispose();
    }

    public void MarkForRebuild(string reason) => RebuildReason ??= reason;

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        IndexAnalyzer.Dispose();
        WriteLock.Dispose();
    }

    private static IndexWriterConfig Config(Analyzer analyzer, OpenMode mode) => new(DanishAnalyzer.Version, analyzer)
    {
        OpenMode = mode,
        // One writer per index per process: a lock held by anyone else is another process, and waiting won't free it.
        WriteLockTimeout = 0,
        RAMBufferSizeMB = 32,
    };

    private static string? CheckReadable(IndexWriter writer, LuceneIndexSettings settings)
    {
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        var data = reader.IndexCommit?.UserData ?? new Dictionary<string, string>();
        if (!data.TryGetValue(SchemaKey, out var schema) || schema != SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            return reader.NumDocs == 0 && !data.ContainsKey(SchemaKey) ? "it is empty" : $"it was built for schema {schema ?? "?"}, not {SchemaVersion}";
        }

        if (!data.TryGetValue(AnalyzerKey, out var analyzer) || !string.Equals(analyzer, settings.AnalyzerName, StringComparison.OrdinalIgnoreCase))
        {
            return $"it was analysed with '{analyzer}', and the index now uses '{settings.AnalyzerName}'";
        }

        // Reading the last document, and what a hit shows of it (doc values, where nothing is stored),
        // touches the newest segment's files.
        if (reader.MaxDoc > 0)
        {
            reader.Document(reader.MaxDoc - 1);
            _ = new Searching.HitValues(reader).Text(reader.MaxDoc - 1, SearchFieldNames.Body);
        }

        return null;
    }

    private static long? ReadCursor(string path) =>
        File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : null;

    private void WriteCursor(long cursor)
    {
        var temporary = CursorPath + ".tmp";
        File.WriteAllText(temporary, cursor.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, CursorPath, overwrite: true);
    }
}
