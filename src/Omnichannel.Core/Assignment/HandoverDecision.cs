namespace Omnichannel.Core.Assignment;

public enum HandoverDecision
{
    Keep,

    /// <summary>Unassign the agent's open conversations of the queue; they wait and drain like any other.</summary>
    Requeue,
}
