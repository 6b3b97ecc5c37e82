namespace Omnichannel.Redis;

/// <summary>
/// A canned response as <c>canned:{id}</c> holds it; <c>visibility</c> is <c>personal</c> or <c>shared</c>,
/// <c>updatedAt</c> Unix ms.
/// </summary>
internal sealed record StoredCannedResponse(
    string Id, string ShortCode, string? Title, string Text, string Visibility, string? OwnerAgentId, long UpdatedAt);
