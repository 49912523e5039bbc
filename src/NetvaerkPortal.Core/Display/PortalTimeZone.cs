namespace NetvaerkPortal.Display;

/// <summary>The portal's organisations are Danish: pages show times in Europe/Copenhagen, whatever the server's zone.</summary>
public static class PortalTimeZone
{
    public const string Id = "Europe/Copenhagen";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Id);

    /// <summary>The instant as Danish wall-clock time, with its offset.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
