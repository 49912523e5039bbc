using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Property-style: random sequences of writes through <see cref="ContentManager"/>, each step
/// checked against a model of what the item's versions must be.</summary>
public class VersioningInvariantTests
{
    /// <summary>The engine the tenant's database is on (the provider matrix); SQLite here.</summary>
    protected virtual string? Provider => null;

    /// <summary>Set to one seed to replay just that sequence.</summary>
    public const string SeedVariable = "NETVAERK_VERSIONING_SEED";

    private const int FirstSeed = 20_261_127;
    private const int Sequences = 200;
    private const int StepsPerSequence = 30;

    [Fact]
    public async Task Random_write_sequences_keep_one_latest_at_most_one_published_and_the_expected_content()
    {
        await using var host = PortalTestHost.Create(databaseProvider: Provider);
        var tenant = await host.CreateTenantAsync("Versions");

        var replay = Environment.GetEnvironmentVariable(SeedVariable);
        var (first, count) = replay is { Length: > 0 } ? (int.Parse(replay, CultureInfo.InvariantCulture), 1) : (FirstSeed, Sequences);
        for (var seed = first; seed < first + count; seed++)
        {
            await new Sequence(host, tenant, seed).RunAsync();
        }
    }

    private sealed record Snapshot(string Title, string Body, string? Path);

    private sealed class ItemModel(string id, int number)
    {
        public string Id { get; } = id;

        public int Number { get; } = number;

        public bool Deleted { get; set; }

        public Snapshot Latest { get; set; } = null!;

        public string LatestVersionId { get; set; } = "";

        public Snapshot? Published { get; set; }

        public string? PublishedVersionId { get; set; }

        /// <summary>Every version the item has had, with the content it holds now.</summary>
        public Dictionary<string, Snapshot> Versions { get; } = new(StringComparer.Ordinal);

        public List<string> VersionOrder { get; } = [];

        public void Remember(string versionId, Snapshot content)
        {
            if (!Versions.ContainsKey(versionId))
            {
                VersionOrder.Add(versionId);
            }

            Versions[versionId] = content;
        }
    }

    private enum Step
    {
        SaveDraft,
        Publish,
        PublishLatest,
        Unpublish,
        Restore,
        Delete,
    }

    /// <summary>Weights: deletes are rarer so that items live long enough to build up versions.</summary>
    private static readonly Step[] StepBag =
    [
        Step.SaveDraft, Step.SaveDraft, Step.SaveDraft,
        Step.Publish, Step.Publish, Step.Publish,
        Step.PublishLatest, Step.PublishLatest,
        Step.Unpublish, Step.Unpublish,
        Step.Restore, Step.Restore,
        Step.Delete,
    ];

    private static readonly string[] Words = ["møde", "netværk", "sparring", "rolle", "referat", "evaluering", "case", "læring", "åben", "faciliteret"];

    private sealed class Sequence(PortalTestHost host, TenantSettings tenant, int seed)
    {
        private const int MaxLiveItems = 3;
        private const int MaxItems = 5;
        private const string RestoredVersion = "(restored: learnt from the rows)";

        private readonly Random _random = new(seed);
        private readonly List<ItemModel> _items = [];
        private readonly StringBuilder _history = new();

        private AsyncServiceScope? _sharedScope;
        private (ItemModel? Item, IndexingChange Kind) _expectedLog;
        private long _lastLogId;
        private int _step;

        public async Task RunAsync()
        {
            // Half the sequences write through one long-lived scope (one request doing many writes),
            // half through a scope per write (one request per write).
            var shareScope = _random.Next(2) == 0;
            _history.AppendLine(CultureInfo.InvariantCulture, $"scope: {(shareScope ? "one for all writes" : "one per write")}");
            try
            {
                _sharedScope = shareScope ? host.OpenScope(tenant) : null;
                _lastLogId = await host.QueryAsync(tenant, db => db.IndexingLog.Select(e => (long?)e.Id).MaxAsync()) ?? 0;
                for (_step = 1; _step <= StepsPerSequence; _step++)
                {
                    var touched = await StepAsync();
                    await CheckAsync(touched);
                }
            }
            catch (Exception failure)
            {
                throw new SequenceFailedException(
                    $"Versioning sequence with seed {seed} failed at step {_step} (replay: {SeedVariable}={seed}).{Environment.NewLine}"
                    + $"Steps:{Environment.NewLine}{_history}{failure.GetType().Name}: {failure.Message}",
                    failure);
            }
            finally
            {
                if (_sharedScope is { } scope)
                {
                    await scope.DisposeAsync();
                }
            }
        }

        private async Task<ItemModel> StepAsync()
        {
            _expectedLog = default;
            var live = _items.Where(i => !i.Deleted).ToList();
            if (_items.Count < MaxItems && (live.Count == 0 || (live.Count < MaxLiveItems && _random.Next(4) == 0)))
            {
                return await CreateAsync();
            }

            var item = _items[_random.Next(_items.Count)];
            var step = StepBag[_random.Next(StepBag.Length)];
            if (item.Deleted)
            {
                await WriteToDeletedAsync(item, step);
                return item;
            }

            switch (step)
            {
                case Step.SaveDraft:
                case Step.Publish:
                    await SaveAsync(item, step == Step.Publish);
                    break;
                case Step.PublishLatest:
                    Log($"publish latest of item {item.Number}");
                    await WithContentAsync(content => content.PublishLatestAsync(item.Id));
                    item.Published = item.Latest;
                    item.PublishedVersionId = item.LatestVersionId;
                    Expect(item, IndexingChange.Update);
                    break;
                case Step.Unpublish:
                    Log($"unpublish item {item.Number}");
                    await WithContentAsync(content => content.UnpublishAsync(item.Id));
                    item.Published = null;
                    item.PublishedVersionId = null;
                    Expect(item, IndexingChange.Update);
                    break;
                case Step.Restore:
                    await RestoreAsync(item);
                    break;
                case Step.Delete:
                    Log($"delete item {item.Number}");
                    await WithContentAsync(content => content.DeleteAsync(item.Id));
                    item.Deleted = true;
                    Expect(item, IndexingChange.Delete);
                    break;
            }

            return item;
        }

        private async Task<ItemModel> CreateAsync()
        {
            var number = _items.Count + 1;
            var content = NextContent(number);
            var publish = _random.Next(2) == 0;
            Log($"create item {number} as {(publish ? "published" : "draft")}: {content}");
            var saved = await WithContentAsync(async manager =>
            {
                var item = await manager.NewAsync(TestContent.Article);
                TestContent.SetContent(item, content.Title, content.Body, content.Path);
                await (publish ? manager.PublishAsync(item) : manager.SaveDraftAsync(item));
                return item;
            });

            Assert.False(string.IsNullOrEmpty(saved.ContentItemVersionId), "A saved item must carry the id of the version it became.");
            var model = new ItemModel(saved.ContentItemId, number) { Latest = content, LatestVersionId = saved.ContentItemVersionId };
            model.Remember(saved.ContentItemVersionId, content);
            if (publish)
            {
                model.Published = content;
                model.PublishedVersionId = saved.ContentItemVersionId;
            }

            _items.Add(model);
            Expect(model, IndexingChange.Update);
            return model;
        }

        private async Task SaveAsync(ItemModel item, bool publish)
        {
            var content = NextContent(item.Number);
            Log($"{(publish ? "publish" : "save draft of")} item {item.Number}: {content}");
            var saved = await WithContentAsync(async manager =>
            {
                var latest = await manager.GetAsync(item.Id, VersionOptions.Latest)
                    ?? throw new InvalidOperationException("The latest version of a live item could not be read.");
                TestContent.SetContent(latest, content.Title, content.Body, content.Path);
                await (publish ? manager.PublishAsync(latest) : manager.SaveDraftAsync(latest));
                return latest;
            });

            var latestWasDraft = item.LatestVersionId != item.PublishedVersionId;
            if (latestWasDraft)
            {
                Assert.True(item.LatestVersionId == saved.ContentItemVersionId, "A draft must be updated in place, not get a new version.");
            }
            else
            {
                Assert.False(item.Versions.ContainsKey(saved.ContentItemVersionId), "Saving over a published version must create a new version.");
            }

            item.Latest = content;
            item.LatestVersionId = saved.ContentItemVersionId;
            item.Remember(saved.ContentItemVersionId, content);
            if (publish)
            {
                item.Published = content;
                item.PublishedVersionId = saved.ContentItemVersionId;
            }

            Expect(item, IndexingChange.Update);
        }

        private async Task RestoreAsync(ItemModel item)
        {
            var versionId = item.VersionOrder[_random.Next(item.VersionOrder.Count)];
            var content = item.Versions[versionId];
            Log($"restore item {item.Number} to version #{item.VersionOrder.IndexOf(versionId) + 1}: {content}");
            await WithContentAsync(manager => manager.RestoreAsync(item.Id, versionId));

            // The new version's id is learnt (and checked to be new) from the rows in CheckAsync.
            item.Latest = content;
            item.LatestVersionId = RestoredVersion;
            Expect(item, IndexingChange.Update);
        }

        private async Task WriteToDeletedAsync(ItemModel item, Step step)
        {
            // A deleted item has no latest version to load and save, so saves become the other writes.
            (string Name, Func<ContentManager, Task> Write) attempt = step switch
            {
                Step.PublishLatest or Step.Publish => ("publish latest", content => content.PublishLatestAsync(item.Id)),
                Step.Unpublish => ("unpublish", content => content.UnpublishAsync(item.Id)),
                Step.Restore => ("restore its first version", content => content.RestoreAsync(item.Id, item.VersionOrder[0])),
                _ => ("delete", content => content.DeleteAsync(item.Id)),
            };
            Log($"{attempt.Name} on deleted item {item.Number} (must be refused)");
            var write = attempt.Write;

            var refused = await Assert.ThrowsAsync<ContentItemNotFoundException>(() => WithContentAsync(write));
            Assert.Equal(item.Id, refused.ContentItemId);
            Expect(null, IndexingChange.Update);
        }

        private void Expect(ItemModel? item, IndexingChange kind) => _expectedLog = (item, kind);

        /// <summary>Checks the log, the rows of every item of the sequence, and what a reader of the touched
        /// item gets, from a scope of its own so that it sees what was committed.</summary>
        private async Task CheckAsync(ItemModel touched)
        {
            await using var scope = host.OpenScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

            // Every committed write appends exactly one log row; a refused one appends none.
            var after = _lastLogId;
            var entries = await db.IndexingLog.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).ToListAsync();
            if (_expectedLog.Item is not { } written)
            {
                Assert.True(entries.Count == 0, $"A refused write left {entries.Count} indexing-log row(s).");
            }
            else
            {
                var entry = Assert.Single(entries);
                Assert.Equal(written.Id, entry.ContentItemId);
                Assert.Equal(_expectedLog.Kind, entry.Kind);
                _lastLogId = entry.Id;
            }

            var ids = _items.Select(i => i.Id).ToList();
            var rows = await db.ContentItems.AsNoTracking().Where(r => ids.Contains(r.ContentItemId)).ToListAsync();
            var routes = await db.AutorouteIndex.AsNoTracking().Where(r => ids.Contains(r.ContentItemId)).ToListAsync();

            foreach (var item in _items)
            {
                var versions = rows.Where(r => r.ContentItemId == item.Id).ToList();
                var latest = versions.Where(r => r.Latest).ToList();
                var published = versions.Where(r => r.Published).ToList();
                var itemRoutes = routes.Where(r => r.ContentItemId == item.Id)
                    .Select(r => $"{r.Path} latest={r.Latest} published={r.Published}").Order(StringComparer.Ordinal).ToList();
                if (item.Deleted)
                {
                    Assert.True(latest.Count == 0, $"Deleted item {item.Number} still has {latest.Count} Latest row(s).");
                    Assert.True(published.Count == 0, $"Deleted item {item.Number} still has {published.Count} Published row(s).");
                    Assert.True(itemRoutes.Count == 0, $"Deleted item {item.Number} still has URL paths: {string.Join(", ", itemRoutes)}.");
                    continue;
                }

                Assert.True(latest.Count == 1, $"Item {item.Number} has {latest.Count} Latest rows; exactly one expected.");
                Assert.True(published.Count <= 1, $"Item {item.Number} has {published.Count} Published rows; at most one expected.");
                if (item.LatestVersionId == RestoredVersion)
                {
                    Assert.False(item.Versions.ContainsKey(latest[0].ContentItemVersionId), "A restore must add a new version, not move the Latest flag back.");
                    item.LatestVersionId = latest[0].ContentItemVersionId;
                    item.Remember(item.LatestVersionId, item.Latest);
                }

                Assert.Equal(item.LatestVersionId, latest[0].ContentItemVersionId);
                Assert.Equal(item.Latest, ReadSnapshot(latest[0].Data));
                Assert.Equal(item.Latest.Title, latest[0].DisplayText);
                Assert.Equal(item.PublishedVersionId, published.SingleOrDefault()?.ContentItemVersionId);
                Assert.Equal(item.Published, published.Count == 0 ? null : ReadSnapshot(published[0].Data));
                Assert.Equal(ExpectedRoutes(item), itemRoutes);
            }

            // What a reader gets through the manager.
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var readLatest = await manager.GetAsync(touched.Id, VersionOptions.Latest);
            var readPublished = await manager.GetAsync(touched.Id, VersionOptions.Published);
            Assert.Equal(touched.Deleted ? null : touched.Latest, readLatest is null ? null : ReadSnapshot(readLatest));
            Assert.Equal(touched.Deleted ? null : touched.Published, readPublished is null ? null : ReadSnapshot(readPublished));
            if (readPublished is not null)
            {
                Assert.True(readPublished.Published, "GetAsync(Published) returned a version not flagged Published.");
                Assert.Equal(touched.Published!.Title, readPublished.DisplayText);
            }

            if (readLatest is not null)
            {
                Assert.True(readLatest.Latest, "GetAsync(Latest) returned a version not flagged Latest.");
            }
        }

        private static List<string> ExpectedRoutes(ItemModel item)
        {
            var expected = new List<string>();
            var latestPath = item.Latest.Path;
            var publishedPath = item.Published?.Path;
            if (latestPath is not null)
            {
                expected.Add($"{latestPath} latest=True published={item.Published is not null && latestPath == publishedPath}");
            }

            if (publishedPath is not null && publishedPath != latestPath)
            {
                expected.Add($"{publishedPath} latest=False published=True");
            }

            return expected.Order(StringComparer.Ordinal).ToList();
        }

        private async Task<T> WithContentAsync<T>(Func<ContentManager, Task<T>> work)
        {
            if (_sharedScope is { } shared)
            {
                return await work(shared.ServiceProvider.GetRequiredService<ContentManager>());
            }

            await using var scope = host.OpenScope(tenant);
            return await work(scope.ServiceProvider.GetRequiredService<ContentManager>());
        }

        private async Task WithContentAsync(Func<ContentManager, Task> work) =>
            await WithContentAsync<bool>(async manager =>
            {
                await work(manager);
                return true;
            });

        private Snapshot NextContent(int itemNumber)
        {
            var words = Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Words[_random.Next(Words.Length)]);
            // A few paths per item, never shared with another item, and sometimes none at all.
            var path = _random.Next(4) switch
            {
                0 => null,
                var variant => $"s{seed}/item-{itemNumber}-{variant}",
            };
            return new Snapshot($"Titel {seed}-{itemNumber}-{_step}", string.Join(' ', words), path);
        }

        private void Log(string line) => _history.AppendLine(CultureInfo.InvariantCulture, $"  {_step,2}. {line}");

        private static Snapshot ReadSnapshot(ContentItem item) =>
            new(item.Text("TitlePart", "Title") ?? "", item.Text("MarkdownBodyPart", "Markdown") ?? "", item.Text("AutoroutePart", "Path"));

        private static Snapshot ReadSnapshot(string data)
        {
            var parts = JsonNode.Parse(data)!.AsObject();
            return new Snapshot(
                parts["TitlePart"]?["Title"]?.GetValue<string>() ?? "",
                parts["MarkdownBodyPart"]?["Markdown"]?.GetValue<string>() ?? "",
                parts["AutoroutePart"]?["Path"]?.GetValue<string>());
        }
    }

    private sealed class SequenceFailedException(string message, Exception inner) : Exception(message, inner);
}

public sealed class VersioningInvariantTestsOnPostgres : VersioningInvariantTests
{
    protected override string? Provider => DatabaseProviders.Postgres;
}
