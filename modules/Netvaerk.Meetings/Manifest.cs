using NetvaerkPortal.Modules;

[assembly: Module(Netvaerk.Meetings.Manifest.Id, "Møder", Dependencies = ["Netvaerk.Content", "Netvaerk.Networks"],
    Description = "The facilitation tool: meeting protocols, series of meetings, cases brought, the agenda, rotating roles, RSVP, the invitation and the calendar.")]

namespace Netvaerk.Meetings
{
    internal static class Manifest
    {
        public const string Id = "Netvaerk.Meetings";
    }
}
