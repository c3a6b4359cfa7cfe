namespace Patchbay.Core.Model;

/// <summary>
/// A custom error code of the Errors tab, written to <c>etc/errors.js</c> and used through
/// <c>bizagiUtil.error(code, params)</c>; <c>%s</c> in the template takes the parameters in order.
/// </summary>
public sealed record ErrorDefinition(string Code, string Message);
