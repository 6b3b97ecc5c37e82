using Omnichannel.Core.Model;

namespace Omnichannel.Core.Rules;

/// <summary>
/// The status rules. The store's Lua scripts apply the same rules atomically; the store tests check they agree.
/// </summary>
/// <remarks>
/// <see cref="AfterInbound"/> and <see cref="IsReopen"/> are a reference model: the rule "a customer's message opens
/// the conversation, and reopens it when resolved" as executed by ingest.lua (its conversation block); not called in
/// production. The agent's side of the lifecycle (any status to any other, snoozed with its wake-up time, the same
/// status again changing nothing) is executed by change_status.lua. Both are checked against the scripts by
/// <c>RoutingAgreementTests.The_scripts_move_a_conversation_through_its_statuses_as_the_core_lifecycle_does</c>.
/// <see cref="CheckChange"/> is not a model: it runs in production, in <c>ChangeStatusHandler</c>, before
/// change_status.lua, which trusts it.
/// </remarks>
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
