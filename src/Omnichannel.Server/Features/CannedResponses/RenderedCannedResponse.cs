namespace Omnichannel.Server.Features.CannedResponses;

/// <summary>A canned response's text with the conversation's values filled in, ready for the reply box.</summary>
public sealed record RenderedCannedResponse(string Text);
