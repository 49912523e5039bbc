namespace NetvaerkPortal.Modules;

/// <summary>The modules cannot be ordered: a dependency is missing or the dependencies form a cycle.</summary>
public sealed class ModuleGraphException(string message) : Exception(message);
