using Omnichannel.Core.Scheduling;

namespace Omnichannel.Redis;

/// <summary>A shift as <c>shift:{id}</c> holds it: the API's definition (the pinned contract) and when it was saved (Unix ms).</summary>
internal sealed record StoredShift(string Id, ShiftDefinition Definition, long UpdatedAt);
