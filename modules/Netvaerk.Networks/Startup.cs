using NetvaerkPortal.Modules;

namespace Netvaerk.Networks;

public sealed class Startup : ModuleStartup;
