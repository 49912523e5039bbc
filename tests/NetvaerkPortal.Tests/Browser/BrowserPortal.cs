using Microsoft.Playwright;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>The real portal on Kestrel (loopback, a free port) and a headless Chromium to click through it.</summary>
public sealed class BrowserPortal : IAsyncDisposable
{
    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly PortalWebFactory _factory;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserPortal(PortalWebFactory factory, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _factory = factory;
        _playwright = playwright;
        _browser = browser;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public PortalWebFactory Factory => _factory;

    public static async Task<BrowserPortal> StartAsync()
    {
        var factory = new PortalWebFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        });
        return new BrowserPortal(factory, playwright, browser, baseUrl);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "da-DK" });
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(string user, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Brugernavn").FillAsync(user);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
        return page;
    }

    /// <summary>A new browser signed in as <paramref name="user"/> on the tenant at <paramref name="pathBase"/> ("" for Default), in Danish.</summary>
    public async Task<IPage> SignedInPageAsync(string pathBase, string user, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(pathBase + "/account/login");
        await page.GetByLabel("Brugernavn").FillAsync(user);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Saves a full-page screenshot in <see cref="PageChecks.ScreenshotFolder"/> for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name) => await PageChecks.ScreenshotAsync(page, name);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }
}

/// <summary>One portal and one browser for all tests of a class; each test opens its own browser context.</summary>
public sealed class BrowserPortalFixture : IAsyncLifetime
{
    public BrowserPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync() => Portal = await BrowserPortal.StartAsync();

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>Browser tests run alone: a loaded machine makes page loads slow enough to time out.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

/// <summary>The page tour's tests share one <see cref="TourPortal"/> and, like all browser tests, run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TourCollection : ICollectionFixture<TourPortal>
{
    public const string Name = "Browser tour";
}
