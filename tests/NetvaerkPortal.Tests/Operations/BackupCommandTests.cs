using Microsoft.Data.Sqlite;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Operations;

/// <summary><c>backup --tenant T --to FILE</c>: SQLite's online backup of a tenant that is being written, never a copy
/// of the live file, never over an existing file.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private const string Tenant = "Sikring";
    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task CreateTenantAsync()
    {
        var recipe = _portal.WriteRecipe("""{ "name": "tom", "steps": [ { "name": "feature", "enable": [ "Netvaerk.Networks" ] } ] }""");
        var created = await _portal.RunAsync("tenants", "create", Tenant, "--prefix", "sikring", "--recipe", recipe);
        Assert.True(created.ExitCode == 0, created.All);
    }

    private string Database => Path.Combine(_portal.SiteFolder(Tenant), "portal.db");

    [Fact]
    public async Task Backup_while_the_tenant_is_written_opens_and_holds_every_row_acknowledged_before_it_began()
    {
        await CreateTenantAsync();
        var connection = new SqliteConnectionStringBuilder { DataSource = Database, DefaultTimeout = 30, Pooling = false }.ToString();
        await using (var setup = new SqliteConnection(connection))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            await using var write = new SqliteConnection(connection);
            await write.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var insert = write.CreateCommand();
                insert.CommandText = "INSERT INTO probe (id, body) VALUES ($id, $body)";
                insert.Parameters.AddWithValue("$id", acknowledged + 1);
                insert.Parameters.AddWithValue("$body", new string('x', 500));
                await insert.ExecuteNonQueryAsync();
                Interlocked.Increment(ref acknowledged);
            }
        });
        while (Volatile.Read(ref acknowledged) < 300 && !writer.IsCompleted)
        {
            await Task.Delay(10);
        }

        var before = Volatile.Read(ref acknowledged);
        var target = Path.Combine(_portal.AppData, "sikring.db");
        var backup = await _portal.RunAsync("backup", "--tenant", Tenant, "--to", target);
        var whileWriting = Volatile.Read(ref acknowledged) > before;
        await stop.CancelAsync();
        await writer;

        Assert.True(backup.ExitCode == 0, backup.All);
        Assert.True(whileWriting, "the writer must have gone on during the backup");
        Assert.Contains("Media is not in the database", backup.Output, StringComparison.Ordinal);
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await copy.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check"));
        var count = Convert.ToInt64(await ScalarAsync(copy, "SELECT count(*) FROM probe"), System.Globalization.CultureInfo.InvariantCulture);
        var highest = Convert.ToInt64(await ScalarAsync(copy, "SELECT max(id) FROM probe"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count >= before, $"the copy holds {count} rows; {before} were acknowledged before the backup began");
        Assert.Equal(highest, count); // one moment's state: no row missing below the newest
        Assert.Equal("admin", await ScalarAsync(copy, "SELECT UserName FROM AspNetUsers LIMIT 1"));
        Assert.Empty(Directory.GetFiles(_portal.AppData, "*.partial"));
    }

    [Fact]
    public async Task Backup_never_overwrites_a_file_least_of_all_the_live_database()
    {
        await CreateTenantAsync();
        // The setup's last writes may still sit in the WAL; any later open and close of the database checkpoints them into
        // the file. Settle it first, so the bytes compared below change only if something writes over the file.
        await using (var settle = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString()))
        {
            await settle.OpenAsync();
            await ScalarAsync(settle, "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        var live = await File.ReadAllBytesAsync(Database);

        var overLive = await _portal.RunAsync("backup", "--tenant", Tenant, "--to", Database);
        var overFolder = await _portal.RunAsync("backup", "--tenant", Tenant, "--to", _portal.AppData);

        Assert.Equal(1, overLive.ExitCode);
        Assert.Contains("already exists; the backup never overwrites", overLive.Error, StringComparison.Ordinal);
        Assert.Equal(live, await File.ReadAllBytesAsync(Database));
        Assert.Equal(1, overFolder.ExitCode);
    }

    public static TheoryData<string[], string> Refused => new()
    {
        { ["backup", "--tenant", "Ingen", "--to", "x.db"], "There is no tenant named 'Ingen'" },
        { ["backup", "--tenant", "../Sikring", "--to", "x.db"], "There is no tenant named '../Sikring'" },
        { ["backup", "--tenant", Tenant], "Missing --to" },
        { ["backup", "--to", "x.db"], "Missing --tenant" },
        { ["backup", "--tenant", Tenant, "--to", "/no/such/folder/x.db"], "The folder /no/such/folder does not exist" },
        { ["backup", "--tenant", Tenant, "--to", "a\0b.db"], "is not a file path" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Backup_with_a_bad_tenant_or_target_says_what_to_do_and_writes_nothing(string[] args, string expected)
    {
        await CreateTenantAsync();

        var result = await _portal.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_portal.AppData, "x.db")));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
