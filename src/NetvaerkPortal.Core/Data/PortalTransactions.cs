namespace NetvaerkPortal.Data;

public static class PortalTransactions
{
    /// <summary>Runs <paramref name="work"/> in the context's current transaction (a caller's, e.g. a recipe), or in
    /// one of its own that commits when the work succeeds. On failure nothing it staged stays tracked, so it
    /// cannot ride along with a later SaveChanges.</summary>
    public static async Task<T> InTransactionAsync<T>(this PortalDbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await work();
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
