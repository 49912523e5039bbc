using NetvaerkPortal.Modules;

namespace Netvaerk.Search.Lucene;

public sealed class Startup : ModuleStartup;
