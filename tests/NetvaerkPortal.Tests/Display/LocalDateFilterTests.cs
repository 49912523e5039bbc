using System.Globalization;
using Fluid;
using NetvaerkPortal.Display;

namespace NetvaerkPortal.Tests.Display;

/// <summary><c>local_date</c> shows an instant in Danish time, whatever zone the server runs in.</summary>
public sealed class LocalDateFilterTests
{
    private static readonly FluidParser Parser = new();

    private static string Render(object value, string format, string culture = "da-DK")
    {
        var options = new TemplateOptions { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
        LiquidFilters.Register(options);
        var context = new TemplateContext(options) { CultureInfo = CultureInfo.GetCultureInfo(culture) };
        context.SetValue("When", value);
        return Parser.Parse("{{ When | local_date: \"" + format + "\" }}").Render(context);
    }

    [Fact]
    public void A_utc_instant_in_summer_shows_two_hours_later()
    {
        Assert.Equal("1. juli 2026 kl. 12.00", Render(new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc), "time"));
    }

    [Fact]
    public void A_utc_instant_in_winter_shows_one_hour_later_and_can_move_to_the_next_day()
    {
        Assert.Equal("1. januar 2027 kl. 00.30", Render(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), "time"));
        Assert.Equal("1. januar 2027", Render("2026-12-31T23:30:00Z", "long"));
    }

    [Fact]
    public void A_date_alone_stays_that_date()
    {
        Assert.Equal("16. september 2026", Render("2026-09-16", "long"));
        Assert.Equal("16 September 2026", Render(new DateOnly(2026, 9, 16), "long", "en-GB"));
    }
}
