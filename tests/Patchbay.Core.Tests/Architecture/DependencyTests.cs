using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Architecture;

public sealed class DependencyTests
{
    [Fact]
    public void Core_ReferencesNoServerDatabaseOrProcessLibrary()
    {
        var references = typeof(ConnectorDefinition).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotContain(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        references.ShouldNotContain(name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        references.ShouldNotContain(name => name.StartsWith("Patchbay.", StringComparison.Ordinal));
        references.ShouldNotContain("System.Diagnostics.Process");
    }
}
