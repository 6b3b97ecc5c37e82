namespace Omnichannel.Core.Model;

/// <summary>Identifiers are time-ordered (UUID v7) so they sort roughly by creation and never collide across nodes.</summary>
public static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    /// <summary>Ids appear inside Redis keys: accept only what we generate or simple tokens.</summary>
    public static bool IsWellFormed(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
