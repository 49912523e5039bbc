using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Content stored before today's rules (a part nested 62 levels deep, a key twice, not JSON at all) is
/// left out of every read and logged, so one bad item never breaks a list or an export; an editor can delete it.</summary>
public sealed class StoredContentTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private TenantSettings _tenant = null!;

    public async Task InitializeAsync()
    {
        _host = PortalTestHost.Create();
        _tenant = await _host.CreateTenantAsync("Stored");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> DamagedParts() => new()
    {
        { "a part nested 62 levels deep", """{"TitlePart": {"Title": "Dyb"}, "Extra": """ + new string('[', 62) + new string(']', 62) + "}" },
        { "a key twice", """{"TitlePart": {"Title": "a"}, "TitlePart": {"Title": "b"}}""" },
        { "a lone surrogate", """{"TitlePart": {"Title": "\ud800"}}""" },
        { "not JSON", "{\"TitlePart\": " },
        { "not an object", "[1, 2]" },
    };

    [Theory]
    [MemberData(nameof(DamagedParts))]
    public async Task A_damaged_item_is_left_out_of_lists_and_exports_and_the_others_are_read(string because, string data)
    {
        var good = TestContent.NewArticle("God");
        var bad = TestContent.NewArticle("Dårlig");
        await WriteAsync(content => content.PublishAsync(good));
        await WriteAsync(content => content.PublishAsync(bad));
        await DamageAsync(bad.ContentItemId, data);

        await using var scope = _host.OpenScope(_tenant);
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var listed = await content.ListAsync(null, VersionOptions.Published);
        var export = await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync("Stored", null, Reader.Anonymous);

        Assert.True(listed.Select(i => i.ContentItemId).SequenceEqual([good.ContentItemId]), because);
        Assert.Null(await content.GetAsync(bad.ContentItemId));
        Assert.Contains(good.ContentItemId, export.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bad.ContentItemId, export.ToJsonString(), StringComparison.Ordinal);
        Assert.True(await content.ExistsAsync(bad.ContentItemId));
    }

    [Fact]
    public async Task A_damaged_item_can_be_deleted_but_not_republished()
    {
        var bad = TestContent.NewArticle("Dårlig");
        await WriteAsync(content => content.PublishAsync(bad));
        await DamageAsync(bad.ContentItemId, """{"Extra": """ + new string('[', 62) + new string(']', 62) + "}");

        await Assert.ThrowsAsync<ContentValidationException>(() => WriteAsync(content => content.UnpublishAsync(bad.ContentItemId)));
        await WriteAsync(content => content.DeleteAsync(bad.ContentItemId));

        Assert.Equal(0, await _host.QueryAsync(_tenant, db => db.ContentItems.CountAsync(r => r.Latest || r.Published)));
    }

    private async Task WriteAsync(Func<ContentManager, Task> write)
    {
        await using var scope = _host.OpenScope(_tenant);
        await write(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    /// <summary>What older code let through: the stored parts replaced behind the content manager's back.</summary>
    private async Task DamageAsync(string contentItemId, string data)
    {
        await using var scope = _host.OpenScope(_tenant);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ContentItems
            .Where(r => r.ContentItemId == contentItemId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Data, data));
    }
}
