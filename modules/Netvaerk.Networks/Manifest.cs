using NetvaerkPortal.Modules;

[assembly: Module(Netvaerk.Networks.Manifest.Id, "Netværk", Dependencies = ["Netvaerk.Content"],
    Description = "Networks, case stories, meeting notes and knowledge articles, and the facilitation tool.")]

namespace Netvaerk.Networks
{
    internal static class Manifest
    {
        public const string Id = "Netvaerk.Networks";
    }
}
