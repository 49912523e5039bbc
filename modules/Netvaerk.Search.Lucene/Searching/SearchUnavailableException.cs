namespace Netvaerk.Search.Lucene.Searching;

/// <summary>The index cannot answer now (being built or rebuilt, damaged, or written by another process);
/// searching again in a little while will. The page and the API answer 503 with Retry-After.</summary>
public sealed class SearchUnavailableException : Exception
{
    /// <summary>Seconds a client is asked to wait before it searches again.</summary>
    public const int RetryAfterSeconds = 10;

    public SearchUnavailableException()
    {
    }

    public SearchUnavailableException(string message)
        : base(message)
    {
    }

    public SearchUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
