using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>What every page must pass in a real browser, at a phone's and a desktop's size: axe finds no WCAG 2.1 A/AA
/// violation, nothing is wider than the window, and a full-page screenshot is kept for people to look at.</summary>
public static class PageChecks
{
    public static readonly (int Width, int Height) Phone = (390, 844);
    public static readonly (int Width, int Height) Desktop = (1280, 900);
    public static readonly IReadOnlyList<(int Width, int Height)> Sizes = [Phone, Desktop];

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    // The elements that reach past the window's right edge, most specific first, so a failure names the culprit.
    private const string Overflowing = """
        () => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1);
          return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 8)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '')
              + ' (right ' + Math.round(e.getBoundingClientRect().right) + 'px)');
        }
        """;

    /// <summary>The folder screenshots go to: <c>SCREENSHOT_DIR</c>, else <c>TestResults/screenshots</c> under the test output.</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Opens <paramref name="path"/> at each size and checks it; every problem of every size is reported at once.</summary>
    public static async Task AssertPageAsync(IPage page, string path, string name)
    {
        var problems = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            problems.AddRange((await CheckAsync(page, name)).Select(problem => $"{width}px: {problem}"));
        }

        Assert.True(problems.Count == 0, $"{name} ({path}):\n" + string.Join("\n", problems));
    }

    /// <summary>Checks the page (opened at <paramref name="path"/> first, when given) at a 375px phone and at the desktop
    /// size, with a screenshot of each; returns what is wrong, named by size.</summary>
    public static async Task<IReadOnlyList<string>> CheckPhoneAndDesktopAsync(IPage page, string name, string? path = null)
    {
        if (path is not null)
        {
            await page.GotoAsync(path);
        }

        var problems = new List<string>();
        foreach (var (width, height) in new[] { (375, 812), Desktop })
        {
            await page.SetViewportSizeAsync(width, height);
            problems.AddRange((await CheckAsync(page, name)).Select(p => $"{name} {width}px: {p}"));
        }

        return problems;
    }

    /// <summary>Checks the page as it is now, at the window's current size; returns what is wrong.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string name)
    {
        var width = page.ViewportSize?.Width ?? 0;
        await ScreenshotAsync(page, $"{name}-{width}");
        var problems = new List<string>();
        var result = await page.RunAxe(Wcag21AA);
        problems.AddRange(result.Violations.Select(v =>
            $"axe {v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        if (scrollWidth > innerWidth)
        {
            problems.Add($"the page is {scrollWidth}px wide in a {innerWidth}px window: {string.Join(", ", await page.EvaluateAsync<string[]>(Overflowing))}");
        }

        return problems;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
