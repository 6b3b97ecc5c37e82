using Omnichannel.Core.CannedResponses;

namespace Omnichannel.Server.Features.CannedResponses;

/// <summary>
/// A canned response as the API shows it. <c>visibility</c> is <c>personal</c> or <c>shared</c>; <c>ownerAgentId</c> is
/// the owner of a personal one (null for a shared one). A <c>GET</c> answer can be sent back to <c>PUT</c> unchanged.
/// </summary>
public sealed record CannedResponseDto(
    string Id,
    string ShortCode,
    string? Title,
    string Text,
    string Visibility,
    string? OwnerAgentId,
    DateTimeOffset UpdatedAt)
{
    public static CannedResponseDto From(CannedResponse response) => new(
        response.Id,
        response.ShortCode,
        response.Title,
        response.Text,
        response.Visibility == CannedResponseVisibility.Shared ? "shared" : "personal",
        response.OwnerAgentId,
        response.UpdatedAt);
}
