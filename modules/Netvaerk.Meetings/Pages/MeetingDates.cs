using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Netvaerk.Meetings.Pages;

/// <summary>Meeting times written the way the reader's language does, from local (Europe/Copenhagen) wall-clock times:
/// Danish "torsdag den 14. januar 2027 kl. 13.00–16.00", English "Thursday 14 January 2027, 13:00–16:00".</summary>
public static class MeetingDates
{
    private static bool Danish(CultureInfo culture) => culture.TwoLetterISOLanguageName != "en";

    public static string Day(DateTime local, CultureInfo culture) =>
        local.ToString(Danish(culture) ? "dddd 'den' d. MMMM yyyy" : "dddd d MMMM yyyy", culture);

    public static string ShortDay(DateTime local, CultureInfo culture) =>
        local.ToString(Danish(culture) ? "ddd d. MMM yyyy" : "ddd d MMM yyyy", culture);

    public static string Clock(DateTime local, CultureInfo culture) => local.ToString(Danish(culture) ? "HH.mm" : "HH:mm", culture);

    /// <summary>The day and the span of the meeting; a meeting past midnight names its end's day too.</summary>
    public static string When(DateTime start, int minutes, CultureInfo culture)
    {
        var end = start.AddMinutes(minutes);
        var until = end.Date == start.Date ? Clock(end, culture) : $"{ShortDay(end, culture)} {Clock(end, culture)}";
        return Danish(culture) ? $"{Day(start, culture)} kl. {Clock(start, culture)}–{until}" : $"{Day(start, culture)}, {Clock(start, culture)}–{until}";
    }

    /// <summary>"3 timer", "2 timer og 30 minutter", "45 minutter" in the reader's language.</summary>
    public static string Duration(int minutes, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => text["{0} minutter", rest].Value,
            (1, 0) => text["1 time"].Value,
            (_, 0) => text["{0} timer", hours].Value,
            (1, _) => text["1 time og {0} minutter", rest].Value,
            _ => text["{0} timer og {1} minutter", hours, rest].Value,
        };
    }

    /// <summary>Form values for a date and a time input (yyyy-MM-dd, HH:mm), as the browser sends them.</summary>
    public static (string Date, string Time) Inputs(DateTime local) =>
        (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
}
