using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;
using NetvaerkPortal.Media;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.CommandLine;

internal static class BackupCommands
{
    /// <summary>
    /// <c>backup --tenant T --to FILE</c>: a consistent copy of the tenant's SQLite database through SQLite's online
    /// backup API, taken while the portal keeps writing (a file copy of a live database can be torn). The copy is made
    /// beside FILE and renamed when complete, so FILE is either the whole backup or absent. Media is not in the database:
    /// the command names the folder to copy with it.
    /// </summary>
    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        var tenant = services.GetRequiredService<TenantStore>().Find(arguments.Required("tenant", "--tenant Default"))
            ?? throw new CommandException($"There is no tenant named '{arguments.Option("tenant")}'. 'tenants list' shows the tenants.");
        var target = Target(arguments.Required("to", "--to /srv/backup/nyborg.db"));

        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var database = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database;
        if (!database.IsSqlite())
        {
            throw new CommandException($"Tenant '{tenant.Name}' is on {database.ProviderName}; back it up with the engine's own tool (PostgreSQL: pg_dump, see docs/operations.md).");
        }

        var source = new SqliteConnectionStringBuilder(database.GetConnectionString()) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new CommandException($"Tenant '{tenant.Name}' has no database at {source.DataSource} on this node.");
        }

        var partial = target + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync();
                await to.OpenAsync();
                from.BackupDatabase(to);
            }

            File.Move(partial, target, overwrite: false);
        }
        catch (Exception failure) when (failure is SqliteException or IOException)
        {
            throw new CommandException($"The backup of tenant '{tenant.Name}' failed: {failure.Message} Nothing was written to {target}.");
        }
        finally
        {
            File.Delete(partial);
        }

        var media = services.GetRequiredService<MediaLocations>().For(tenant.Name, scope.ServiceProvider.GetRequiredService<TenantContext>().SitePath).FullPath;
        await output.WriteLineAsync($"Backed up tenant '{tenant.Name}' to {target} ({new FileInfo(target).Length / 1024} KB).");
        await output.WriteLineAsync(media is not null && Directory.Exists(media)
            ? $"Media is not in the database: copy {media} too."
            : $"Media is not in the database; the tenant has none yet (it would be in {media}).");
        return 0;
    }

    /// <summary>The backup file, from the caller's directory; never one that exists (a live database among them).</summary>
    private static string Target(string to)
    {
        string full;
        try
        {
            full = Path.GetFullPath(to);
        }
        catch (ArgumentException)
        {
            throw new CommandException($"--to '{Files.SafePaths.Show(to)}' is not a file path. Example: --to /srv/backup/nyborg.db");
        }

        if (File.Exists(full) || Directory.Exists(full))
        {
            throw new CommandException($"{full} already exists; the backup never overwrites a file. Name a new file or move the old one away.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new CommandException($"The folder {Path.GetDirectoryName(full)} does not exist. Create it first, or name a file in an existing folder.");
        }

        return full;
    }
}
