namespace NetvaerkPortal.Security;

/// <summary>Resolves the current reader (user, roles, network memberships) of the request or command scope.
/// Every read path (pages, API, lists, export, search) asks this, then <see cref="Visibility"/>.</summary>
public interface IReaderContext
{
    Task<Reader> GetReaderAsync(CancellationToken cancellationToken = default);
}
