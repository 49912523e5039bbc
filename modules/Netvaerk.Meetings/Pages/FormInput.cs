using System.Globalization;

namespace Netvaerk.Meetings.Pages;

/// <summary>Reading what a form sent: a date and a time as the browser's inputs send them (or as people type them where
/// the browser has no picker), and whole numbers. Each returns null for what it cannot read; the page says so beside
/// the input. The rules for the values themselves (a meeting in the past, 0 meetings) are the services'.</summary>
public static class FormInput
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy", "d. M. yyyy"];
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HH:mm:ss", "H"];

    public const string DateHelp = "Skriv datoen som dd-mm-åååå, fx 14-01-2027.";
    public const string TimeHelp = "Skriv klokkeslættet som tt:mm, fx 13:00.";
    public const string NumberHelp = "Skriv et helt tal.";

    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A whole number; <paramref name="empty"/> when nothing was typed, null when it is not a number a form could mean.</summary>
    public static int? Number(string? value, int? empty = null)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return empty;
        }

        return text.Length <= 6 && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>Local wall-clock time of a date and a time input.</summary>
    public static DateTime Local(DateOnly date, TimeOnly time) => date.ToDateTime(time, DateTimeKind.Unspecified);
}
