using Omnichannel.Core.Model;

namespace Omnichannel.Core.Features;

/// <summary>Who asked for a change: recorded on messages and in the event log.</summary>
public sealed record Actor(AuthorKind Kind, string Id, string? Name);
