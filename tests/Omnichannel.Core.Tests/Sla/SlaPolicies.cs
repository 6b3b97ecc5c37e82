using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Sla;

namespace Omnichannel.Core.Tests.Sla;

internal static class SlaPolicies
{
    /// <summary>Normal: first response 30 min, next response 60 min, resolution 8 h; urgent: 10 min, 20 min, 2 h.</summary>
    public static SlaPolicy Standard(Shift? hours = null, int? warnAtPercent = 80, bool pauseWhilePending = true) => new(
        "standard",
        "Standard",
        new Dictionary<Priority, SlaTargets>
        {
            [Priority.Normal] = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromHours(8)),
            [Priority.Urgent] = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromHours(2)),
            [Priority.Low] = new(null, null, TimeSpan.FromDays(5)),
        },
        hours,
        warnAtPercent,
        pauseWhilePending);
}
