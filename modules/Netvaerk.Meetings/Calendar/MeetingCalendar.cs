using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Netvaerk.Meetings.Data;
using IcsCalendar = Ical.Net.Calendar;

namespace Netvaerk.Meetings.Calendar;

/// <summary>A meeting in a feed, with the title of the network it belongs to.</summary>
public sealed record FeedMeeting(Meeting Meeting, string NetworkTitle);

/// <param name="Host">The host name in every UID (meeting id @ host), so an event keeps its identity between fetches.</param>
/// <param name="SiteUrl">scheme://host/pathbase, under which a meeting's page is /moeder/{id}.</param>
/// <param name="Name">What a calendar application calls the subscription.</param>
public sealed record FeedSite(string Host, string SiteUrl, string Name);

/// <summary>Writes meetings as an iCalendar feed (RFC 5545): one VEVENT per meeting in Europe/Copenhagen local time with
/// its VTIMEZONE; a moved or cancelled meeting keeps its UID with a higher SEQUENCE, and a cancelled one stays in the feed
/// as STATUS:CANCELLED so that subscribed calendars take it away.</summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>How often calendar applications are asked to fetch the feed again.</summary>
    private const string Refresh = "PT1H";

    public static string MeetingUrl(FeedSite site, string meetingId) => $"{site.SiteUrl}/moeder/{Uri.EscapeDataString(meetingId)}";

    /// <param name="sinceUtc">The earliest meeting in the feed: the time zone is described from then on.</param>
    public static string Write(FeedSite site, IEnumerable<FeedMeeting> meetings, DateTime sinceUtc)
    {
        ArgumentNullException.ThrowIfNull(site);
        var calendar = new IcsCalendar { ProductId = "-//Netvaerk Portal//Moeder//DA", Method = CalendarMethods.Publish };
        calendar.AddProperty("X-WR-CALNAME", site.Name);
        calendar.AddProperty("X-WR-TIMEZONE", MeetingTime.ZoneId);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", Refresh);
        refresh.AddParameter("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", Refresh);
        calendar.AddTimeZone(MeetingTime.ZoneId, sinceUtc, includeHistoricalData: false);
        foreach (var meeting in meetings)
        {
            calendar.Events.Add(Event(site, meeting));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(FeedSite site, FeedMeeting item)
    {
        var meeting = item.Meeting;
        var url = MeetingUrl(site, meeting.Id);
        var start = DateTime.SpecifyKind(meeting.StartUtc, DateTimeKind.Utc);
        var summary = string.IsNullOrWhiteSpace(meeting.Theme) ? item.NetworkTitle : $"{item.NetworkTitle} – {meeting.Theme.Trim()}";
        return new CalendarEvent
        {
            Uid = $"{meeting.Id}@{site.Host}",
            // Local wall-clock times with their zone, so a meeting at 13.00 stays at 13.00 across a change to summer time.
            DtStart = new CalDateTime(MeetingTime.ToLocal(start), MeetingTime.ZoneId),
            DtEnd = new CalDateTime(MeetingTime.ToLocal(start.AddMinutes(meeting.DurationMinutes)), MeetingTime.ZoneId),
            Summary = meeting.Cancelled ? $"Aflyst: {summary}" : summary,
            Location = Location(meeting),
            Description = Description(meeting, url),
            Url = new Uri(url),
            Sequence = meeting.Sequence,
            Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Created = Utc(meeting.CreatedUtc),
            LastModified = Utc(meeting.ModifiedUtc),
            // A published feed's DTSTAMP is when the event was last revised (RFC 5545 3.8.7.2), so a fetch without changes gives the same text.
            DtStamp = Utc(meeting.ModifiedUtc),
        };
    }

    private static string? Location(Meeting meeting) =>
        (Text(meeting.Place), Text(meeting.OnlineUrl)) switch
        {
            ({ } place, { } online) => $"{place} ({online})",
            ({ } place, null) => place,
            (null, { } online) => online,
            _ => null,
        };

    private static string Description(Meeting meeting, string url)
    {
        var text = new StringBuilder();
        if (meeting.Cancelled)
        {
            text.Append("Mødet er aflyst.").Append(Text(meeting.CancelledReason) is { } reason ? $" {reason}" : "").Append("\n\n");
        }

        if (Text(meeting.Purpose) is { } purpose)
        {
            text.Append("Formål: ").Append(purpose).Append("\n\n");
        }

        if (Text(meeting.DesiredEffect) is { } effect)
        {
            text.Append("Ønsket effekt: ").Append(effect).Append("\n\n");
        }

        if (Text(meeting.OnlineUrl) is { } online)
        {
            text.Append("Online: ").Append(online).Append("\n\n");
        }

        return text.Append("Mødets side: ").Append(url).ToString();
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static CalDateTime Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), CalDateTime.UtcTzId);
}
