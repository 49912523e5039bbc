using Microsoft.Data.Sqlite;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>A fresh App_Data folder for one test; deleted (after the SQLite pools let go of it) when disposed.</summary>
public sealed class TempAppData : IDisposable
{
    private bool _disposed;

    public TempAppData()
    {
        Path = System.IO.Path.Combine(Root, "netvaerk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A RAM disk where there is one: SQLite syncs every commit to disk, and the suite makes thousands.</summary>
    private static string Root { get; } = OperatingSystem.IsLinux() && Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();

    /// <summary>A recipe that only enables every discovered feature (plus <paramref name="extraFeatures"/>),
    /// for tests that want an empty tenant; the shipped recipes bring content.</summary>
    public string EmptyRecipe(params string[] extraFeatures)
    {
        var features = NetvaerkPortal.Modules.ModuleCatalog.Discover(typeof(Program).Assembly).Ordered.Select(m => m.Id).Concat(extraFeatures);
        var path = System.IO.Path.Combine(Path, "empty.recipe.json");
        File.WriteAllText(path, new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "empty",
            ["steps"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = "feature",
                ["enable"] = new System.Text.Json.Nodes.JsonArray(features.Select(f => (System.Text.Json.Nodes.JsonNode)f).ToArray()),
            }),
        }.ToJsonString());
        return path;
    }

    public string TenantsFile => System.IO.Path.Combine(Path, "tenants.json");

    public string SitePath(string tenantName) => System.IO.Path.Combine(Path, "Sites", tenantName);

    /// <summary>The names of the folders under Sites/, as they are on disk.</summary>
    public IReadOnlyList<string> SiteFolders()
    {
        var sites = System.IO.Path.Combine(Path, "Sites");
        return Directory.Exists(sites)
            ? Directory.GetDirectories(sites).Select(d => System.IO.Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        SqliteConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(50 * attempt);
            }
        }
    }
}
