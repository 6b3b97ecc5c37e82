namespace Omnichannel.Core.Assignment;

/// <summary>What happens at a shift boundary to the conversations of an agent whose shift ended.</summary>
public enum HandoverPolicy
{
    /// <summary>The agent keeps them.</summary>
    Keep,

    /// <summary>The default: back to the queue if the agent left the shift and is offline.</summary>
    RequeueWhenOffline,

    /// <summary>Back to the queue if the agent left the shift, online or not.</summary>
    Requeue,
}
