using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Issue 14: eight writers on one PostgreSQL tenant for 30 seconds, through ContentManager as the API writes:
/// no write fails, and every write that was acknowledged is there afterwards, as it was written.</summary>
public sealed class ConcurrentWritersPostgresTests(ITestOutputHelper output)
{
    private const int Writers = 8;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Eight_writers_for_thirty_seconds_lose_nothing_and_fail_nothing()
    {
        await using var host = PortalTestHost.Create(databaseProvider: DatabaseProviders.Postgres);
        var tenant = await host.CreateTenantAsync("Samtidig");
        var acknowledged = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var errors = new ConcurrentQueue<Exception>();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            string? own = null;
            for (var n = 0; clock.Elapsed < Duration; n++)
            {
                try
                {
                    await using var scope = host.OpenScope(tenant);
                    var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
                    var title = $"Skriver {writer} nr. {n}";
                    if (own is null || n % 3 == 0)
                    {
                        // A new item now and then; otherwise a new published version of the writer's own item.
                        var item = TestContent.NewArticle(title, "Første udgave");
                        await content.PublishAsync(item);
                        own = item.ContentItemId;
                    }
                    else
                    {
                        var item = (await content.GetAsync(own, VersionOptions.Latest))!;
                        TestContent.SetContent(item, title, "Ny udgave", null);
                        await content.PublishAsync(item);
                    }

                    acknowledged[own] = title;
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                }
            }
        })));

        Assert.True(errors.IsEmpty, $"{errors.Count} writes failed; the first: {errors.FirstOrDefault()}");
        var stored = await host.QueryAsync(tenant, db => db.ContentItems.Where(r => r.Published).Select(r => new { r.ContentItemId, r.DisplayText }).ToListAsync());
        var published = stored.ToDictionary(r => r.ContentItemId, r => r.DisplayText, StringComparer.Ordinal);
        Assert.All(acknowledged, pair => Assert.Equal(pair.Value, published.GetValueOrDefault(pair.Key)));
        var versions = await host.QueryAsync(tenant, db => db.ContentItems.CountAsync());
        output.WriteLine($"{Writers} writers, {clock.Elapsed.TotalSeconds:0} s: {acknowledged.Count} items, {versions} versions stored, {versions / clock.Elapsed.TotalSeconds:0} versions/s");
        Assert.True(acknowledged.Count >= Writers, "every writer wrote at least one item");
    }
}
