using NetvaerkPortal.Modules;

[assembly: Module(Netvaerk.Search.Lucene.Manifest.Id, "Søgning", Dependencies = ["Netvaerk.Content"],
    Description = "A Lucene index per tenant with Danish analysis, the search page and the search API.")]

namespace Netvaerk.Search.Lucene
{
    internal static class Manifest
    {
        public const string Id = "Netvaerk.Search.Lucene";
    }
}
