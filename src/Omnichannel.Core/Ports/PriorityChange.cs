using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Ports;

public sealed record PriorityChange(Priority Previous, Priority Priority, long Sequence);
