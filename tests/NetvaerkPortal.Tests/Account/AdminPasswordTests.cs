using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.CommandLine;

namespace NetvaerkPortal.Tests.Account;

/// <summary>A generated administrator password is never written to the application log, and
/// <c>users reset-password</c> is the way back in: new password, unlocked, every session ended.</summary>
public sealed partial class AdminPasswordTests
{
    [Fact]
    public async Task A_generated_administrator_password_is_not_in_the_log_of_the_first_start()
    {
        var log = new CapturingLoggerProvider();
        await using var factory = new PortalWebFactory(services => services.AddSingleton<ILoggerProvider>(log));
        await using var portal = factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Portal:Setup:AdminPassword", "");
            web.UseSetting("Logging:LogLevel:Default", "Information");
        });
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        try
        {
            _ = portal.Server;
        }
        finally
        {
            Console.SetOut(original);
        }

        var written = log.Text + console;
        Assert.Contains("users reset-password --tenant Default --user admin", written, StringComparison.Ordinal);
        // Whatever the start wrote, no word of it opens the administrator's account.
        var words = Words().Matches(written).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(words);
        var tenant = portal.Services.GetRequiredService<TenantStore>().Find(TenantSettings.DefaultName)!;
        await using var scope = portal.Services.GetRequiredService<TenantScopes>().Create(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = (await users.FindByNameAsync("admin"))!;
        foreach (var word in words)
        {
            Assert.False(await users.CheckPasswordAsync(admin, word), "The administrator's password was written to the log or the console.");
        }
    }

    [Fact]
    public async Task Reset_password_sets_the_password_unlocks_the_user_and_ends_their_sessions()
    {
        await using var portal = new PortalWebFactory();
        _ = portal.Server;
        await InDefaultAsync(portal, async users =>
        {
            var user = new PortalUser { UserName = "glemsom", Email = "glemsom@example.test", EmailConfirmed = true };
            return (await users.CreateAsync(user, "Gammelt-kodeord-1")).Succeeded;
        });
        using var before = new BrowserlessSession(portal);
        await before.SignInAsync("glemsom", "Gammelt-kodeord-1");
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/account/password")).StatusCode);
        await InDefaultAsync(portal, async users => (await users.SetLockoutEndDateAsync((await users.FindByNameAsync("glemsom"))!, DateTimeOffset.MaxValue)).Succeeded);

        var reset = await RunAsync(portal, "users", "reset-password", "--tenant", "Default", "--user", "glemsom", "--password", "Nyt-kodeord-2026");

        Assert.True(reset.ExitCode == 0, reset.Error);
        Assert.Contains("1 session(s) are signed out", reset.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Nyt-kodeord-2026", reset.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/account/password")).StatusCode);
        using var after = new BrowserlessSession(portal);
        await after.SignInAsync("glemsom", "Nyt-kodeord-2026");
        using var old = new BrowserlessSession(portal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => old.SignInAsync("glemsom", "Gammelt-kodeord-1"));
    }

    [Fact]
    public async Task Reset_password_without_a_password_prints_a_new_one_once_and_it_works()
    {
        await using var portal = new PortalWebFactory();
        _ = portal.Server;

        var reset = await RunAsync(portal, "users", "reset-password", "--tenant", "Default", "--user", "admin");

        Assert.True(reset.ExitCode == 0, reset.Error);
        var password = reset.Output.TrimEnd().Split('\n')[^1].Trim();
        Assert.True(password.Length >= 20, reset.Output);
        using var admin = new BrowserlessSession(portal);
        await admin.SignInAsync("admin", password);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Reset_password_of_an_unknown_user_or_with_a_weak_password_changes_nothing()
    {
        await using var portal = new PortalWebFactory();
        _ = portal.Server;

        var unknown = await RunAsync(portal, "users", "reset-password", "--tenant", "Default", "--user", "findes-ikke");
        var weak = await RunAsync(portal, "users", "reset-password", "--tenant", "Default", "--user", "admin", "--password", "kort");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("findes-ikke", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, weak.ExitCode);
        Assert.Single(weak.Error.Trim().Split('\n'));
        Assert.Contains("Nothing was changed", weak.Error, StringComparison.Ordinal);
        using var admin = new BrowserlessSession(portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(PortalWebFactory portal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await PortalCommands.RunAsync(args, output, error, new Dictionary<string, string?> { ["Portal:AppDataPath"] = portal.AppData.Path });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<bool> InDefaultAsync(PortalWebFactory portal, Func<UserManager<PortalUser>, Task<bool>> work)
    {
        await using var scope = portal.Services.GetRequiredService<TenantScopes>().Create(portal.Store.Find(TenantSettings.DefaultName)!);
        var done = await work(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
        Assert.True(done);
        return done;
    }

    [GeneratedRegex("[A-Za-z0-9_-]{10,}")]
    private static partial Regex Words();

    /// <summary>Everything the application logs, as text.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._text)
                {
                    owner._text.AppendLine(formatter(state, exception)).AppendLine(exception?.ToString());
                }
            }
        }
    }
}
