using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Every committed content write leaves exactly one indexing-log row, in the write's own
/// transaction; a write that does not commit leaves none, and no content either.</summary>
public sealed class IndexingLogTests
{
    [Fact]
    public async Task Each_committed_write_appends_exactly_one_log_row_of_its_kind()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Log");
        var item = TestContent.NewArticle("Mødestruktur", "Første udkast", "viden/moedestruktur");

        await WriteAsync(host, tenant, content => content.SaveDraftAsync(item));
        await ExpectLogAsync(host, tenant, (item.ContentItemId, IndexingChange.Update));
        var firstVersion = item.ContentItemVersionId;

        await WriteAsync(host, tenant, async content =>
        {
            var latest = (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            TestContent.SetContent(latest, "Mødestruktur", "Andet udkast", "viden/moedestruktur");
            await content.SaveDraftAsync(latest);
        });
        await ExpectLogAsync(host, tenant, (item.ContentItemId, IndexingChange.Update), (item.ContentItemId, IndexingChange.Update));

        await WriteAsync(host, tenant, async content =>
        {
            var latest = (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            TestContent.SetContent(latest, "Mødestruktur i netværket", "Udgivet", "viden/moedestruktur");
            await content.PublishAsync(latest);
        });
        await WriteAsync(host, tenant, content => content.UnpublishAsync(item.ContentItemId));
        await WriteAsync(host, tenant, content => content.PublishLatestAsync(item.ContentItemId));
        await WriteAsync(host, tenant, content => content.RestoreAsync(item.ContentItemId, firstVersion));
        await WriteAsync(host, tenant, content => content.DeleteAsync(item.ContentItemId));

        var update = (item.ContentItemId, IndexingChange.Update);
        await ExpectLogAsync(host, tenant, update, update, update, update, update, update, (item.ContentItemId, IndexingChange.Delete));
    }

    [Fact]
    public async Task A_write_refused_for_an_unknown_type_leaves_no_log_row_and_no_content()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Log");
        var item = TestContent.NewArticle("Ukendt");
        item.ContentType = "NoSuchType";

        await Assert.ThrowsAsync<ContentValidationException>(() => WriteAsync(host, tenant, content => content.PublishAsync(item)));

        await ExpectNothingWrittenAsync(host, tenant);
    }

    [Fact]
    public async Task A_write_refused_for_a_missing_required_part_leaves_no_log_row_and_no_content()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Log");
        var item = TestContent.NewArticle("Uden titel");
        item.Parts.Remove("TitlePart");

        await Assert.ThrowsAsync<ContentValidationException>(() => WriteAsync(host, tenant, content => content.SaveDraftAsync(item)));

        await ExpectNothingWrittenAsync(host, tenant);
    }

    [Fact]
    public async Task A_write_refused_for_a_duplicate_path_leaves_no_new_log_row_and_no_new_content()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Log");
        var first = TestContent.NewArticle("Første", path: "viden/roller");
        await WriteAsync(host, tenant, content => content.PublishAsync(first));

        var second = TestContent.NewArticle("Anden", path: "/Viden/Roller/");
        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => WriteAsync(host, tenant, content => content.PublishAsync(second)));

        Assert.Equal("AutoroutePart.Path", refused.Field);
        await ExpectLogAsync(host, tenant, (first.ContentItemId, IndexingChange.Update));
        Assert.Equal([first.ContentItemId], await host.QueryAsync(tenant, db => db.ContentItems.Select(r => r.ContentItemId).Distinct().ToListAsync()));
        Assert.Equal([first.ContentItemId], await host.QueryAsync(tenant, db => db.AutorouteIndex.Select(r => r.ContentItemId).ToListAsync()));
    }

    [Fact]
    public async Task A_write_inside_a_transaction_that_is_rolled_back_leaves_no_log_row_and_no_content()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Log");

        await using (var scope = host.OpenScope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await content.PublishAsync(TestContent.NewArticle("Fortrudt", path: "fortrudt"));

            // Inside the transaction the write is there, log row and all ...
            Assert.Equal(1, await db.IndexingLog.CountAsync());
            Assert.Equal(1, await db.ContentItems.CountAsync());

            await transaction.RollbackAsync();
        }

        // ... and after the rollback none of it is.
        await ExpectNothingWrittenAsync(host, tenant);
    }

    [Fact]
    public async Task A_write_whose_content_handler_throws_leaves_no_log_row_and_no_content()
    {
        await using var host = PortalTestHost.Create(services => services.AddScoped<IContentHandler, ThrowingHandler>());
        var tenant = await host.CreateTenantAsync("Log");
        var item = TestContent.NewArticle(ThrowingHandler.Trigger, path: "boom");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => WriteAsync(host, tenant, content => content.PublishAsync(item)));

        Assert.Equal(ThrowingHandler.Message, failure.Message);
        await ExpectNothingWrittenAsync(host, tenant);
    }

    [Fact]
    public async Task A_handler_failure_on_an_existing_item_keeps_its_versions_paths_and_log_as_they_were()
    {
        await using var host = PortalTestHost.Create(services => services.AddScoped<IContentHandler, ThrowingHandler>());
        var tenant = await host.CreateTenantAsync("Log");
        var item = TestContent.NewArticle("Rollefordeling", "Før", "viden/roller");
        await WriteAsync(host, tenant, content => content.PublishAsync(item));

        // One scope for the failed write and the next, as one request would: nothing of the failed
        // write may ride along with the next write's SaveChanges.
        var other = TestContent.NewArticle("Evaluering", "Efter", "viden/evaluering");
        await using (var scope = host.OpenScope(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var latest = (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            TestContent.SetContent(latest, ThrowingHandler.Trigger, "Efter", "viden/andet");
            await Assert.ThrowsAsync<InvalidOperationException>(() => content.PublishAsync(latest));
            await content.PublishAsync(other);
        }

        await ExpectLogAsync(host, tenant, (item.ContentItemId, IndexingChange.Update), (other.ContentItemId, IndexingChange.Update));
        var versions = await host.QueryAsync(tenant, db => db.ContentItems.Where(r => r.ContentItemId == item.ContentItemId).ToListAsync());
        var only = Assert.Single(versions);
        Assert.True(only.Latest && only.Published);
        Assert.Equal("Rollefordeling", only.DisplayText);
        var paths = await host.QueryAsync(tenant, db => db.AutorouteIndex.OrderBy(r => r.Path).Select(r => r.Path).ToListAsync());
        Assert.Equal(["viden/evaluering", "viden/roller"], paths);
    }

    /// <summary>A module's handler that fails while the write is being made, for items titled <see cref="Trigger"/>.</summary>
    private sealed class ThrowingHandler : IContentHandler
    {
        public const string Trigger = "Boom";
        public const string Message = "The test handler refused this write.";

        public Task WrittenAsync(ContentWrite write, PortalDbContext db, CancellationToken cancellationToken) =>
            write.Latest?.DisplayText == Trigger ? throw new InvalidOperationException(Message) : Task.CompletedTask;
    }

    private static async Task WriteAsync(PortalTestHost host, TenantSettings tenant, Func<ContentManager, Task> write)
    {
        await using var scope = host.OpenScope(tenant);
        await write(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    private static async Task ExpectLogAsync(PortalTestHost host, TenantSettings tenant, params (string ContentItemId, IndexingChange Kind)[] expected)
    {
        var log = await host.QueryAsync(tenant, db => db.IndexingLog.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(expected, log.Select(e => (e.ContentItemId, e.Kind)).ToArray());
    }

    private static async Task ExpectNothingWrittenAsync(PortalTestHost host, TenantSettings tenant)
    {
        Assert.Equal(0, await host.QueryAsync(tenant, db => db.IndexingLog.CountAsync()));
        Assert.Equal(0, await host.QueryAsync(tenant, db => db.ContentItems.CountAsync()));
        Assert.Equal(0, await host.QueryAsync(tenant, db => db.AutorouteIndex.CountAsync()));
    }
}
