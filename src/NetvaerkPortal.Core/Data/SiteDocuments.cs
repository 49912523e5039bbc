using System.Text.Json;

namespace NetvaerkPortal.Data;

/// <summary>Typed access to the tenant's named documents.</summary>
public sealed class SiteDocuments(PortalDbContext db)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(string name, CancellationToken cancellationToken = default) where T : new()
    {
        // Find sees documents staged earlier in this unit of work, not only what is committed.
        var document = await db.Documents.FindAsync([name], cancellationToken);
        return document is null ? new T() : JsonSerializer.Deserialize<T>(document.Json, JsonOptions) ?? new T();
    }

    /// <summary>Stages the document; it is written with the caller's SaveChanges.</summary>
    public async Task SetAsync<T>(string name, T value, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(value, JsonOptions);
        var document = await db.Documents.FindAsync([name], cancellationToken);
        if (document is null)
        {
            db.Documents.Add(new SiteDocument { Name = name, Json = json, ModifiedUtc = DateTime.UtcNow });
        }
        else
        {
            document.Json = json;
            document.ModifiedUtc = DateTime.UtcNow;
        }
    }

    /// <summary>Runs <paramref name="action"/> once, after the caller's next SaveChanges commits: a cache forgotten only
    /// before the commit can be refilled from the old document by a concurrent reader and keep it.</summary>
    public void AfterNextSave(Action action)
    {
        void Saved(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e)
        {
            db.SavedChanges -= Saved;
            action();
        }

        db.SavedChanges += Saved;
    }
}
