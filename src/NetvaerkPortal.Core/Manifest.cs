using NetvaerkPortal.Modules;

[assembly: Module("Netvaerk.Content", "Indhold", AlwaysEnabled = true,
    Description = "Content items, versions, content types and the indexing log.")]
