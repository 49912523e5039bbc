using NetvaerkPortal.Modules;

[assembly: Module("Netvaerk.Theme", "Netværk-tema", Dependencies = ["Netvaerk.Content"],
    Category = "Theme", Description = "The layout, styles and page templates every page is rendered with.")]
