using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Account;

/// <summary>Wrong passwords slow the guessing client down (429 + Retry-After) and never lock the member out;
/// real and unknown accounts read the same. Small limits, and each test signs in from its own addresses.</summary>
public sealed partial class SignInThrottlingHttpTests : IAsyncLifetime, IDisposable
{
    private const string Member = "gaet-mig";
    private const string Password = "Medlemmets-kodeord-1";

    private readonly CountingHasher _hasher = new();
    private readonly PortalWebFactory _base;

    private WebApplicationFactory<Program> _portal = null!;

    public SignInThrottlingHttpTests() => _base = new(services =>
    {
        TestClientAddress.AddTo(services);
        services.AddSingleton<IPasswordHasher<PortalUser>>(_hasher);
    });

    public async Task InitializeAsync()
    {
        _portal = _base.WithWebHostBuilder(web =>
        {
            web.UseSetting("Portal:SignIn:FreeFailures", "3");
            web.UseSetting("Portal:SignIn:FreeAddressFailures", "50");
            web.UseSetting("Portal:SignIn:FirstDelaySeconds", "60");
            web.UseSetting("Portal:SignIn:MaxDelaySeconds", "600");
            web.UseSetting("Portal:SignIn:AddressPermitLimit", "12");
            web.UseSetting("Portal:SignIn:AddressWindowSeconds", "600");
        });
        await InDefaultAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = Member, Email = "gaet@example.test", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, PortalRoles.Member)).Succeeded);
            return true;
        });
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _base.DisposeAsync();
    }

    public void Dispose()
    {
        _portal?.Dispose();
        _base.Dispose();
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_never_keep_the_member_out_from_another_and_their_token_works()
    {
        var token = await InDefaultAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(Member);
            return (await services.GetRequiredService<PersonalAccessTokens>().CreateAsync(user!.Id, "script")).Token;
        });
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await LoginAsync("10.0.0.1", Member, "forkert-" + attempt)).StatusCode);
        }

        var attacker = await LoginAsync("10.0.0.1", Member, "forkert-4");
        var alsoWithTheRightPassword = await LoginAsync("10.0.0.1", Member, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, attacker.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, alsoWithTheRightPassword.StatusCode);
        var retryAfter = int.Parse(attacker.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("For mange forsøg. Vent", WebUtility.HtmlDecode(await attacker.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var member = await LoginAsync("10.0.0.2", Member, Password);
        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        Assert.Contains(NetworkPortal.SetCookies(member), c => c.Name.StartsWith("netvaerk.auth", StringComparison.Ordinal));
        using var api = _portal.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/content", UriKind.Relative))).StatusCode);
        Assert.False(await InDefaultAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            return await users.IsLockedOutAsync((await users.FindByNameAsync(Member))!);
        }));
    }

    [Fact]
    public async Task A_real_and_an_unknown_account_get_the_same_answers_attempt_by_attempt()
    {
        var real = new List<string>();
        var unknown = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            real.Add(await DescribeAsync(await LoginAsync("10.0.1.1", Member, "forkert-" + attempt), Member));
            unknown.Add(await DescribeAsync(await LoginAsync("10.0.1.2", "findes-ikke", "forkert-" + attempt), "findes-ikke"));
        }

        Assert.Equal(real, unknown);
        Assert.StartsWith("400", real[0], StringComparison.Ordinal);
        Assert.StartsWith("429", real[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_account_costs_a_password_hash_like_a_real_one()
    {
        var before = _hasher.Verifications;
        await LoginAsync("10.0.4.1", "findes-slet-ikke", "forkert-kodeord");
        var unknown = _hasher.Verifications - before;
        await LoginAsync("10.0.4.1", Member, "forkert-kodeord");
        var real = _hasher.Verifications - before - unknown;

        Assert.Equal(1, unknown);
        Assert.Equal(real, unknown);
    }

    [Fact]
    public async Task The_address_limit_answers_429_with_retry_after_before_any_password_is_checked()
    {
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync("10.0.2.1", Member, Password)).StatusCode);
        }

        var refused = await LoginAsync("10.0.2.1", Member, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("For mange forsøg. Vent", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(NetworkPortal.SetCookies(refused), c => c.Name.StartsWith("netvaerk.auth", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync("10.0.2.2", Member, Password)).StatusCode);
    }

    [Fact]
    public async Task The_right_password_of_a_locked_account_says_it_is_locked_and_signs_nobody_in()
    {
        await InDefaultAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = "laast-konto", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            return (await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded;
        });

        var wrong = await LoginAsync("10.0.3.1", "laast-konto", "forkert-kodeord");
        var right = await LoginAsync("10.0.3.1", "laast-konto", Password);

        Assert.DoesNotContain("låst", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("Kontoen er låst af en administrator.", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(NetworkPortal.SetCookies(right), c => c.Name.StartsWith("netvaerk.auth", StringComparison.Ordinal));
    }

    /// <summary>Status, Retry-After presence and the page, without what legitimately differs: the antiforgery
    /// token (fresh on every page), the user name echoed into the form, and the seconds left to wait.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response, string userName)
    {
        var html = TokenValue().Replace(await response.Content.ReadAsStringAsync(), "TOKEN").Replace(userName, "USER", StringComparison.Ordinal);
        html = WaitSeconds().Replace(html, "Vent N");
        return $"{(int)response.StatusCode} {response.Headers.Contains("Retry-After")} {html}";
    }

    private async Task<HttpResponseMessage> LoginAsync(string address, string userName, string password)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var formRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/login", UriKind.Relative));
        TestClientAddress.Set(formRequest, address);
        var form = await client.SendAsync(formRequest);
        var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", NetworkPortal.SetCookies(form).Select(c => $"{c.Name}={c.Value}")));
        TestClientAddress.Set(post, address);
        return await client.SendAsync(post);
    }

    private async Task<T> InDefaultAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var services = _portal.Services;
        var tenant = services.GetRequiredService<TenantStore>().Find(TenantSettings.DefaultName)!;
        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        return await work(scope.ServiceProvider);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>Identity's hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+")]
    private static partial Regex TokenValue();

    [GeneratedRegex("Vent [0-9]+")]
    private static partial Regex WaitSeconds();
}
