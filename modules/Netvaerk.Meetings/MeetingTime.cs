namespace Netvaerk.Meetings;

/// <summary>Meetings are planned and shown in Danish local time; the database holds UTC.</summary>
public static class MeetingTime
{
    public const string ZoneId = "Europe/Copenhagen";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>UTC for a local wall-clock time. A time skipped by the spring change is moved forward an hour; an
    /// ambiguous autumn time is read as the first (summer) one.</summary>
    public static DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(unspecified) ? Zone.GetAmbiguousTimeOffsets(unspecified).Max() : Zone.GetUtcOffset(unspecified);
        return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
    }

    /// <summary>The local time as the API writes it: ISO 8601 with the offset, e.g. 2027-01-14T13:00:00+01:00.</summary>
    public static string ToIso(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
    }
}
