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
/// <remarks>
/// Writer and readers are open only while the index is used: searches and writes hold it open (counted), and
/// <see cref="CloseIfIdle"/> closes both once nobody has used it for a while and no write is under way, so a node
/// with many tenants holds no writer, file handles or buffers for the quiet ones. The next search or write opens
/// them again. Everything was committed when it closes (a batch holds <see cref="WriteLock"/>), so closing loses nothing.
/// </remarks>
public sealed class LuceneIndex : IDisposable
{
    // Raise when the fields or their analysis change: an index of another schema is rebuilt, not read wrongly.
    // 3: the thesaurus phrases are indexed as terms of their own; the body field also holds the title and tags.
    // 4: the date is a meeting note's meeting date, else the item's last change (was: its publication).
    // 5: body_reversed, the body's word stems backwards, where a query finds the compounds a word ends.
    internal const int SchemaVersion = 5;
    private const string SchemaKey = "schema";
    private const string AnalyzerKey = "analyzer";

    // A search that fails reading the index sets off a rebuild at most this often: if it is not damage but a
    // query the code cannot answer, rebuilding on every such request would only cost the server.
    private static readonly TimeSpan ReadFailureRebuildInterval = TimeSpan.FromMinutes(10);

    private readonly LuceneDirectory _directory;
    private readonly MergeFailures _merges;
    private readonly ILogger _logger;

    // Guards opening and closing the writer and the searchers, and the count of their users.
    private readonly System.Threading.Lock _gate = new();
    private IndexWriter? _writer;
    private volatile SearcherManager? _searchers;
    private int _users;
    private long _lastUsed = Environment.TickCount64;
    private string? _rebuildReason;
    private long _lastReadFailureRebuild = long.MinValue;
    private bool _disposed;

    private LuceneIndex(string tenant, string name, string path, LuceneIndexSettings settings, Analyzer analyzer,
        LuceneDirectory directory, IndexWriter writer, string? rebuildReason, MergeFailures merges, ILogger logger)
    {
        _logger = logger;
        Tenant = tenant;
        Name = name;
        Path = path;
        Settings = settings;
        IndexAnalyzer = analyzer;
        _directory = directory;
        _merges = merges;
        _writer = writer;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        _rebuildReason = rebuildReason;
        HasCommit = rebuildReason is null;
        Cursor = rebuildReason is null ? ReadCursor(CursorPath) ?? 0 : 0;
        if (rebuildReason is null && Cursor == 0 && writer.NumDocs > 0)
        {
            // An index without its cursor cannot know which writes it has seen.
            _rebuildReason = "its cursor file is missing";
        }
    }

    public string Tenant { get; }

    public string Name { get; }

    public string Path { get; }

    public LuceneIndexSettings Settings { get; }

    public Analyzer IndexAnalyzer { get; }

    /// <summary>The Id of the last indexing-log row this index has applied.</summary>
    public long Cursor { get; private set; }

    /// <summary>Why the index must be rebuilt from the database (missing, damaged, other schema), or null.</summary>
    public string? RebuildReason => Volatile.Read(ref _rebuildReason);

    /// <summary>False while the index was (re)created empty and its rebuild has not committed yet: it has nothing to
    /// answer from, and a search says so rather than finding nothing.</summary>
    public bool HasCommit { get; private set; }

    /// <summary>Serialises catch-up and rebuild, so the cursor only moves forward.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public string CursorPath => Path + ".cursor";

    /// <summary>
    /// Opens the index at <paramref name="path"/>, creating it when missing. A missing, unreadable, damaged or
    /// outdated index is replaced by an empty one and marked with a <see cref="RebuildReason"/>. When the index
    /// was not closed properly last time, every segment is checked first (<see cref="IndexHealth"/>).
    /// </summary>
    /// <exception cref="IndexFolderRefusedException">The folder holds files the portal did not create; nothing was touched.</exception>
    /// <exception cref="LockObtainFailedException">Another process (a running portal) holds the index's writer.</exception>
    public static LuceneIndex Open(string tenant, string name, string path, LuceneIndexSettings settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        IndexFolder.Claim(tenant, name, path);
        var closedProperly = IndexFolder.TakeCleanShutdownMark(path);
        var analyzer = AnalyzerNames.CreateIndexAnalyzer(settings.AnalyzerName);
        var directory = FSDirectory.Open(path);
        var merges = new MergeFailures(tenant, name, logger);
        string? reason = null;
        IndexWriter? writer = null;
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                reason = "it does not exist yet";
            }
            else if (!closedProperly && IndexHealth.Damage(directory) is { } damage)
            {
                reason = $"it was not closed properly, and {damage}";
            }
            else
            {
                writer = new IndexWriter(directory, Config(analyzer, OpenMode.APPEND, merges));
                reason = CheckReadable(writer, settings);
            }
        }
        catch (LockObtainFailedException)
        {
            directory.Dispose();
            analyzer.Dispose();
            throw;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Whatever reading it throws, the index cannot be trusted; the database can rebuild it.
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
            IndexFolder.DeleteIndexFiles(path);

            // Nothing is committed until the rebuild is: a crash before then finds no index and rebuilds again.
            writer = new IndexWriter(directory, Config(analyzer, OpenMode.CREATE, merges));
            File.Delete(path + ".cursor");
        }

        var index = new LuceneIndex(tenant, name, path, settings, analyzer, directory, writer, reason, merges, logger);
        merges.Index = index;
        return index;
    }

    /// <summary>Whether the writer and searchers are open now (false once <see cref="CloseIfIdle"/> closed them).</summary>
    public bool IsOpen => _searchers is not null;

    /// <summary>Runs <paramref name="search"/> on the newest committed state.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var searchers = Use();
        try
        {
            IndexSearcher searcher;
            try
            {
                searcher = searchers.Acquire();
            }
            catch (ObjectDisposedException)
            {
                // A rollback swapped the manager between opening and acquiring.
                searchers = _searchers!;
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
        finally
        {
            Done();
        }
    }

    public int DocumentCount => Search(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Adds or replaces the item's document (by id), or removes it when <paramref name="document"/> is null.</summary>
    public void Apply(string contentItemId, Document? document)
    {
        var id = new Term(SearchFieldNames.Id, contentItemId);
        WithWriter(writer =>
        {
            if (document is null)
            {
                writer.DeleteDocuments(id);
            }
            else
            {
                writer.UpdateDocument(id, document);
            }
        });
    }

    /// <summary>Starts a rebuild: every document goes; readers keep seeing the old ones until <see cref="Commit"/>.</summary>
    public void Clear() => WithWriter(writer => writer.DeleteAll());

    /// <summary>Makes everything applied so far durable and visible, and records <paramref name="cursor"/>.</summary>
    /// <param name="cursor">The indexing log's position the index now reflects.</param>
    /// <param name="mergeSegments">After a rebuild: the new documents become one segment first, so each search looks its
    /// terms up once instead of once per segment the rebuild flushed (that per-segment set-up was a fifth of a search).</param>
    public void Commit(long cursor, bool mergeSegments = false)
    {
        var searchers = Use();
        try
        {
            var writer = _writer!;
            if (mergeSegments)
            {
                writer.ForceMerge(1);
            }

            writer.SetCommitData(new Dictionary<string, string>
            {
                [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
                [AnalyzerKey] = Settings.AnalyzerName.ToLowerInvariant(),
            });
            writer.Commit();
            // After the commit: a crash in between re-applies a few log rows (harmless), never skips one.
            WriteCursor(cursor);
            Cursor = cursor;
            HasCommit = true;
            Volatile.Write(ref _rebuildReason, null);
            searchers.MaybeRefreshBlocking();
        }
        finally
        {
            Done();
        }
    }

    /// <summary>Throws away everything applied since the last commit (a rebuild or batch that failed half-way),
    /// so a later commit cannot publish half of it.</summary>
    public void Rollback()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is null)
            {
                // Closed while idle: nothing was applied since the last commit.
                return;
            }

            // IndexWriter.Rollback also closes the writer: open a new one on the last commit.
            _writer.Rollback();
            var old = _searchers;
            _writer = NewWriter();
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
            old?.Dispose();
        }
    }

    /// <summary>
    /// Closes the writer and the searchers when nobody uses them, no write is under way and the index was last used
    /// at least <paramref name="idleFor"/> ago. True when this closed them. The next search or write opens them again.
    /// </summary>
    public bool CloseIfIdle(TimeSpan idleFor)
    {
        // A batch or rebuild holds WriteLock from its first write to its commit; closing inside it would lose its writes.
        if (_disposed || !WriteLock.Wait(0))
        {
            return false;
        }

        try
        {
            lock (_gate)
            {
                if (_disposed || _writer is null || _users > 0 || Environment.TickCount64 - Interlocked.Read(ref _lastUsed) < idleFor.TotalMilliseconds)
                {
                    return false;
                }

                CloseWriterAndSearchers();
                return true;
            }
        }
        finally
        {
            WriteLock.Release();
        }
    }

    public void MarkForRebuild(string reason) => Interlocked.CompareExchange(ref _rebuildReason, reason, null);

    /// <summary>
    /// A search failed while reading the index. Any exception there is taken for damage (a damaged segment shows
    /// as anything from an IndexOutOfRangeException to garbage lengths), and the index is marked for rebuild;
    /// at most once per <see cref="ReadFailureRebuildInterval"/>. Returns true when this marked it.
    /// </summary>
    public bool ReportReadFailure(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastReadFailureRebuild);
        if (last != long.MinValue && now - last < (long)ReadFailureRebuildInterval.TotalMilliseconds)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _lastReadFailureRebuild, now, last) != last)
        {
            return false;
        }

        MarkForRebuild($"a search failed reading it ({error.GetType().Name}: {error.Message})");
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var closed = true;
            try
            {
                closed = _writer is null || CloseWriterAndSearchers();
            }
            finally
            {
                _directory.Dispose();
                IndexAnalyzer.Dispose();
                WriteLock.Dispose();
            }

            // An index waiting for a rebuild (damaged, perhaps) is checked again at the next start.
            if (closed && RebuildReason is null)
            {
                IndexFolder.MarkCleanShutdown(Path);
            }
        }
    }

    // The open searchers, opening them (and the writer) when they are closed; counted until Done().
    private SearcherManager Use()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_searchers is null)
            {
                Reopen();
            }

            _users++;
            return _searchers!;
        }
    }

    private void Done()
    {
        lock (_gate)
        {
            _users--;
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
        }
    }

    private void WithWriter(Action<IndexWriter> write)
    {
        Use();
        try
        {
            write(_writer!);
        }
        finally
        {
            Done();
        }
    }

    // Opens the writer and searchers of an index closed while idle. It was closed properly then; it is marked as open
    // again, so a crash from now on is found at the next start. An index that can no longer be opened (its files gone
    // or damaged while closed) is started empty and rebuilt, as at startup.
    private void Reopen()
    {
        IndexFolder.TakeCleanShutdownMark(Path);
        IndexWriter? writer = null;
        try
        {
            writer = NewWriter();
            _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
            _writer = writer;
            return;
        }
        catch (Exception error) when (error is not (LockObtainFailedException or OutOfMemoryException))
        {
            _logger.LogWarning("The search index {Index} of tenant {Tenant} could not be opened again and is rebuilt from the database: {Error}",
                Name, Tenant, error.Message);
            MarkForRebuild($"it could not be opened again ({error.GetType().Name}: {error.Message})");
            writer?.Rollback();
        }

        IndexFolder.DeleteIndexFiles(Path);
        File.Delete(CursorPath);
        HasCommit = false;
        Cursor = 0;
        _writer = new IndexWriter(_directory, Config(IndexAnalyzer, OpenMode.CREATE, _merges));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    private IndexWriter NewWriter() =>
        new(_directory, Config(IndexAnalyzer, DirectoryReader.IndexExists(_directory) ? OpenMode.APPEND : OpenMode.CREATE, _merges));

    // Everything meant to last was committed with its cursor; whatever a rebuild or batch applied since is thrown
    // away, never committed half-done. True when the writer closed cleanly (and the index is then marked so).
    private bool CloseWriterAndSearchers()
    {
        var searchers = _searchers;
        var writer = _writer;
        _searchers = null;
        _writer = null;
        searchers?.Dispose();
        writer?.Rollback();
        if (!_disposed && RebuildReason is null)
        {
            IndexFolder.MarkCleanShutdown(Path);
        }

        return true;
    }

    private static IndexWriterConfig Config(Analyzer analyzer, OpenMode mode, MergeFailures merges) => new(DanishAnalyzer.Version, analyzer)
    {
        OpenMode = mode,
        // One writer per index per process: a lock held by anyone else is another process, and waiting won't free it.
        WriteLockTimeout = 0,
        RAMBufferSizeMB = 32,
        // A merge reads every byte of the segments it merges: check their checksums first, so damage is found
        // there rather than copied into a new segment whose checksums are right.
        CheckIntegrityAtMerge = true,
        MergeScheduler = merges.Scheduler(),
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
