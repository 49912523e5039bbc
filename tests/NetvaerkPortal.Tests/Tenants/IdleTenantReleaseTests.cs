using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Search;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>An idle tenant lets go of its database connections, index files and caches in this process, and its next
/// request and search work as before (the release is run by hand here; Portal:Tenants:IdleMinutes 0 stops the timer).</summary>
public sealed class IdleTenantReleaseTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _factory = new(services => services.AddSearchTestContentTypes());
    private HttpClient _client = null!;
    private TenantSettings _tenant = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _tenant = await _factory.CreateTenantAsync("Stille");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_idle_tenant_holds_no_file_and_its_next_request_and_search_work()
    {
        await PublishAsync("Sovende sommerfugle i haven");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri("/stille/", UriKind.Relative))).StatusCode);
        Assert.True(await Eventually.TrueAsync(async () => await HitsAsync("sommerfugle") == 1));
        Assert.True(FilesHeld() > 0, "the tenant's database and index are open while it is in use");

        Assert.Contains(_tenant.Name, Release());

        Assert.Equal([], HeldFiles());
        Assert.False(Activity.IsAwake(_tenant.Name));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri("/stille/", UriKind.Relative))).StatusCode);
        Assert.True(Activity.IsAwake(_tenant.Name));
        Assert.Equal(1, await HitsAsync("sommerfugle"));

        Assert.Contains(_tenant.Name, Release());
        await PublishAsync("Vågne vandmænd ved stranden");
        Assert.True(await Eventually.TrueAsync(async () => await HitsAsync("vandmænd") == 1));
    }

    [Fact]
    public async Task Writes_while_the_tenant_is_released_again_and_again_are_all_kept_and_found()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri("/stille/", UriKind.Relative))).StatusCode);
        const int Writes = 40;
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < Writes; i++)
            {
                await PublishAsync($"Skrivebordsskuffe nummer {i}");
            }
        });
        var releases = 0;
        while (!writing.IsCompleted)
        {
            Activity.Touch(_tenant.Name);
            releases += Release().Count;
            await Task.Delay(5);
        }

        await writing;
        Assert.True(releases > 0, "the tenant was released while it was written");
        await using (var scope = _factory.Services.GetRequiredService<TenantScopes>().Create(_tenant))
        {
            var items = await scope.ServiceProvider.GetRequiredService<ContentManager>().ListAsync("KnowledgeArticle", VersionOptions.Published, 0, 100);
            Assert.Equal(Writes, items.Count(item => item.DisplayText.StartsWith("Skrivebordsskuffe", StringComparison.Ordinal)));
        }

        Assert.True(await Eventually.TrueAsync(async () => await HitsAsync("skrivebordsskuffe") == Writes),
            $"{await HitsAsync("skrivebordsskuffe")} of {Writes} found");
        Release();
        Assert.Equal([], HeldFiles());
    }

    [Fact]
    public async Task A_tenant_in_use_is_not_released()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri("/stille/", UriKind.Relative))).StatusCode);

        Assert.DoesNotContain(_tenant.Name, _factory.Services.GetRequiredService<IdleTenantRelease>().ReleaseIdle(TimeSpan.FromHours(1)));
        Assert.True(Activity.IsAwake(_tenant.Name));
        Assert.True(FilesHeld() > 0);
    }

    private TenantActivity Activity => _factory.Services.GetRequiredService<TenantActivity>();

    private IReadOnlyList<string> Release() => _factory.Services.GetRequiredService<IdleTenantRelease>().ReleaseIdle(TimeSpan.Zero);

    private async Task PublishAsync(string title)
    {
        await using var scope = _factory.Services.GetRequiredService<TenantScopes>().Create(_tenant);
        await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(TestItems.Create("KnowledgeArticle", title, "Et notat."));
    }

    private async Task<long> HitsAsync(string query)
    {
        var response = await _client.GetAsync(new Uri("/stille/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return -1;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("total").GetInt64();
    }

    private int FilesHeld() => HeldFiles().Count;

    // What this process has open inside the tenant's site folder, read from /proc/self/fd.
    private List<string> HeldFiles()
    {
        var site = _factory.Store.SitePath(_tenant.Name) + Path.DirectorySeparatorChar;
        var held = new List<string>();
        foreach (var fd in new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos())
        {
            try
            {
                if (fd.LinkTarget is { } target && target.StartsWith(site, StringComparison.Ordinal))
                {
                    held.Add(target);
                }
            }
            catch (IOException)
            {
                // Closed while listing.
            }
        }

        return held;
    }
}
