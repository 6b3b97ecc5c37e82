using Omnichannel.Core.Sla;

namespace Omnichannel.Redis;

/// <summary>A policy as <c>sla-policy:{id}</c> holds it: the API's definition (the pinned contract) and when it was saved (Unix ms).</summary>
internal sealed record StoredSlaPolicy(string Id, SlaPolicyDefinition Definition, long UpdatedAt);
