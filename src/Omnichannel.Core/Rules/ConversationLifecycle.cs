using Omnichannel.Core.Model;

namespace Omnichannel.Core.Rules;

/// <summary>
/// The status rules. The store's Lua scripts apply the same rules atomically; the store tests check they agree.
/// </summary>
public static class ConversationLifecycle
{
    /// <summary>A customer writing again always brings the conversation back to the open queue.</summary>
    public static ConversationStatus AfterInbound(ConversationStatus current) => ConversationStatus.Open;

    /// <summary>Whether an inbound message counts as reopening (the agents had considered it done).</summary>
    public static bool IsReopen(ConversationStatus current) => current == ConversationStatus.Resolved;

    /// <summary>Checks an agent's status change; returns an error message or null.</summary>
    public static string? CheckChange(ConversationStatus target, DateTimeOffset? snoozedUntil, DateTimeOffset now)
    {
        if (target == ConversationStatus.Snoozed)
        {
            if (snoozedUntil is null)
            {
                return "snoozeUntil is required to snooze.";
            }

            if (snoozedUntil <= now)
            {
                return "snoozeUntil must be in the future.";
            }

            if (snoozedUntil > now.AddYears(1))
            {
                return "snoozeUntil must be within a year.";
            }
        }
        else if (snoozedUntil is not null)
        {
            return "snoozeUntil is only allowed with status snoozed.";
        }

        return null;
    }
}
