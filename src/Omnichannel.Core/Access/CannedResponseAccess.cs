using Omnichannel.Core.CannedResponses;
using Omnichannel.Core.Model;

namespace Omnichannel.Core.Access;

/// <summary>
/// Who may use and change canned responses: every agent uses the shared ones and their own personal ones; a personal
/// one is its owner's alone (no one else sees it, whatever their role); shared ones are written by leads and admins.
/// </summary>
public static class CannedResponseAccess
{
    public static bool CanUse(Agent agent, CannedResponse response) =>
        response.Visibility == CannedResponseVisibility.Shared || response.OwnerAgentId == agent.Id;

    /// <summary>
    /// Saving <paramref name="response"/> as it is, or deleting it: its owner, or a lead for a shared one.
    /// </summary>
    public static bool CanWrite(Agent agent, CannedResponse response) =>
        response.Visibility == CannedResponseVisibility.Shared
            ? agent.SeesEverything
            : response.OwnerAgentId == agent.Id;
}
