namespace Omnichannel.Core.CannedResponses;

/// <summary>Who may use a canned response: every agent (shared), or only the agent who wrote it (personal).</summary>
public enum CannedResponseVisibility
{
    Personal,
    Shared,
}
