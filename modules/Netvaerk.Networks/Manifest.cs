using NetvaerkPortal.Modules;

[assembly: Module("Netvaerk.Networks", "Netværk", Dependencies = ["Netvaerk.Content"],
    Description = "Networks, case stories, meeting notes and knowledge articles, and the facilitation tool.")]
