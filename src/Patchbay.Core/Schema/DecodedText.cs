using Patchbay.Core.Diagnostics;

namespace Patchbay.Core.Schema;

/// <summary>Text decoded from base64, or null with an <c>invalid-base64</c> error.</summary>
public sealed record DecodedText(string? Text, IReadOnlyList<Diagnostic> Diagnostics);
