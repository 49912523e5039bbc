using NetvaerkPortal.Modules;

[assembly: Module("Netvaerk.Theme", "Netværk-tema", Dependencies = ["Netvaerk.Content"],
    Description = "Liquid layouts and templates for the public pages.")]
