namespace Omnichannel.Core.CannedResponses;

/// <summary>
/// A reply an agent inserts by its short code (<c>/greeting</c>), with variables filled in for the conversation
/// (<see cref="CannedResponseTemplate"/>). A personal one belongs to <see cref="OwnerAgentId"/>; a shared one to
/// nobody (null). Short codes are unique per scope (<see cref="ShortCodeScope"/>).
/// </summary>
public sealed record CannedResponse(
    string Id,
    string ShortCode,
    string? Title,
    string Text,
    CannedResponseVisibility Visibility,
    string? OwnerAgentId,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The name under which the short code is unique: <c>shared:{code}</c>, or <c>agent:{owner}:{code}</c> for a
    /// personal one, the code in lower case (<c>/Reset</c> and <c>/reset</c> would be the same to a typing agent).
    /// </summary>
    public string ShortCodeScope => Visibility == CannedResponseVisibility.Shared
        ? "shared:" + ShortCodes.Normalize(ShortCode)
        : "agent:" + OwnerAgentId + ":" + ShortCodes.Normalize(ShortCode);
}
