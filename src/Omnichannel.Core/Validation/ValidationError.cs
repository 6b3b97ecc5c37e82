namespace Omnichannel.Core.Validation;

/// <summary>One problem with one field of a request. <see cref="Field"/> uses the JSON (camelCase) path.</summary>
public sealed record ValidationError(string Field, string Message);
