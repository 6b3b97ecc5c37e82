namespace Omnichannel.Channels.Email.Inbound;

/// <summary>The new part of a reply and the quoted trail cut off it (null when nothing was cut).</summary>
internal sealed record QuotedTrailSplit(string Reply, string? Trail);
