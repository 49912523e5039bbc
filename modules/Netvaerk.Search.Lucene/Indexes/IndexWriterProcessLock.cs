using System.Globalization;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>
/// Which process writes the search indexes of one App_Data: the one holding App_Data/search.lock, opened
/// exclusively (FileShare.None: an OS lock, released by the OS when the process ends, however it ends).
/// The running portal holds it for its whole life; a command-line rebuild takes it only when no portal does.
/// The file itself is never deleted, and it is not Lucene's write.lock: it is taken before any index is opened.
/// </summary>
public sealed class IndexWriterProcessLock(string appDataPath) : IDisposable
{
    public const string FileName = "search.lock";

    // Beside the lock, for the message of a process that finds it taken (the lock file itself cannot be read then).
    private const string HolderFileName = "search.lock.pid";

    private readonly Lock _gate = new();
    private FileStream? _held;

    public string LockPath => Path.Combine(appDataPath, FileName);

    public bool IsHeld
    {
        get
        {
            lock (_gate)
            {
                return _held is not null;
            }
        }
    }

    /// <summary>Takes the lock unless another process (or another holder in this one) has it. True when held now.</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                return true;
            }

            Directory.CreateDirectory(appDataPath);
            try
            {
                _held = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }

            try
            {
                // Written beside and moved over: a link left in its place is replaced, never written through.
                var holder = Path.Combine(appDataPath, HolderFileName);
                File.WriteAllText(holder + ".tmp", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                File.Move(holder + ".tmp", holder, overwrite: true);
            }
            catch (IOException)
            {
                // Only the message of another process is poorer for it.
            }

            return true;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _held?.Dispose();
            _held = null;
        }
    }

    /// <summary>Who holds the lock, as far as this process can tell, for a message: "process 1234" or "another process".</summary>
    public string Holder()
    {
        try
        {
            var pid = File.ReadAllText(Path.Combine(appDataPath, HolderFileName)).Trim();
            return int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? $"process {id}" : "another process";
        }
        catch (IOException)
        {
            return "another process";
        }
    }

    public void Dispose() => Release();
}
