using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// Who may hear about a conversation, decided when the event is sent (so membership changes count at once): the
/// assignee, or the members of its queue while it is unassigned; the previous assignee of an assignment (to drop it
/// from their list); leads and admins; integrations (never for private notes).
/// </summary>
public sealed class Audience(IQueueStore queues)
{
    public async Task<IReadOnlyList<string>> GroupsAsync(Conversation conversation, string? previousAssignee, bool isPrivate, CancellationToken cancellationToken)
    {
        var groups = new List<string> { HubGroups.Leads };
        if (!isPrivate)
        {
            groups.Add(HubGroups.Tokens);
        }

        if (conversation.AssigneeId is { } assignee)
        {
            groups.Add(HubGroups.Agent(assignee));
        }
        else if (await queues.GetAsync(conversation.Queue, cancellationToken) is { } queue)
        {
            groups.AddRange(queue.Members.Select(HubGroups.Agent));
        }

        if (previousAssignee is not null && previousAssignee != conversation.AssigneeId)
        {
            groups.Add(HubGroups.Agent(previousAssignee));
        }

        return groups.Distinct(StringComparer.Ordinal).ToList();
    }
}
