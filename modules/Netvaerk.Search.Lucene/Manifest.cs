using NetvaerkPortal.Modules;

[assembly: Module("Netvaerk.Search.Lucene", "Søgning", Dependencies = ["Netvaerk.Content"],
    Description = "A Lucene index per tenant with Danish analysis, the search page and the search API.")]
