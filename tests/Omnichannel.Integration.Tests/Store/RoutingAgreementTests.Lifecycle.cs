using Omnichannel.Core.Model;
using Omnichannel.Core.Rules;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// Core's <see cref="ConversationLifecycle"/> against ingest.lua (a customer writes) and change_status.lua (an agent
/// sets a status), over random walks through the statuses.
/// </summary>
public sealed partial class RoutingAgreementTests
{
    private const int LifecycleScenarios = 60;
    private const int LifecycleSteps = 12;

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_scripts_move_a_conversation_through_its_statuses_as_the_core_lifecycle_does(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var random = new Random(20261209);
        int reopened = 0, opened = 0, unchanged = 0, resnoozed = 0;
        for (var scenario = 0; scenario < LifecycleScenarios; scenario++)
        {
            var customer = $"l{scenario}";
            var thread = $"life-{scenario}";
            var at = T0.AddDays(scenario);
            var first = await store.Conversations.IngestAsync(
                Inbound.Message(customer, $"l{scenario}-0", thread: thread), at);
            var id = first.ConversationId;
            var status = ConversationStatus.Open;
            DateTimeOffset? snoozedUntil = null;
            for (var step = 1; step <= LifecycleSteps; step++)
            {
                at = at.AddMinutes(random.Next(1, 60));
                var where = $"scenario {scenario} step {step} (from {status})";
                if (random.Next(3) == 0)
                {
                    var inbound = await store.Conversations.IngestAsync(
                        Inbound.Message(customer, $"l{scenario}-{step}", thread: thread), at);
                    Assert.True(inbound.ConversationId == id, $"{where}: the message started a conversation");
                    Assert.True(status == inbound.PreviousStatus, $"{where}: script saw {inbound.PreviousStatus}");
                    Assert.True(ConversationLifecycle.IsReopen(status) == inbound.Reopened,
                        $"{where}: core reopen {ConversationLifecycle.IsReopen(status)}, script {inbound.Reopened}");
                    reopened += inbound.Reopened ? 1 : 0;
                    opened += status is ConversationStatus.Pending or ConversationStatus.Snoozed ? 1 : 0;
                    status = ConversationLifecycle.AfterInbound(status);
                    snoozedUntil = null;
                }
                else
                {
                    var target = (ConversationStatus)random.Next(4);
                    DateTimeOffset? until =
                        target == ConversationStatus.Snoozed ? at.AddMinutes(random.Next(1, 600)) : null;
                    // Only a change the rules accept reaches the script (ChangeStatusHandler refuses the others).
                    Assert.Null(ConversationLifecycle.CheckChange(target, until, at));
                    var change = await store.Conversations.ChangeStatusAsync(id, target, until, "agent-1", at);
                    Assert.True((status, target) == (change!.Previous, change.Current),
                        $"{where} to {target}: script went from {change.Previous} to {change.Current}");
                    // The same status again changes nothing, except a new wake-up time for a snoozed conversation.
                    var changes = target != status || target == ConversationStatus.Snoozed;
                    Assert.True(changes == (change.EventSequence != 0),
                        $"{where} to {target}: event {change.EventSequence}");
                    unchanged += changes ? 0 : 1;
                    resnoozed += target == status && changes ? 1 : 0;
                    status = target;
                    snoozedUntil = until;
                }

                var read = (await store.Conversations.GetConversationAsync(id))!;
                Assert.True((status, snoozedUntil) == (read.Status, read.SnoozedUntil),
                    $"{where}: core says {status} until {snoozedUntil}, "
                    + $"store holds {read.Status} until {read.SnoozedUntil}");
                var scheduled = await store.InIndexAsync(store.Keys.Prefix + "snoozed", id);
                Assert.Equal(status == ConversationStatus.Snoozed, scheduled);
                var listed = await store.InIndexAsync(store.Keys.IndexAll(ConversationStatusText.ToText(status)), id);
                Assert.True(listed, where);
            }
        }

        Assert.True(reopened > 10 && opened > 10 && unchanged > 10 && resnoozed > 3,
            $"{reopened} reopened, {opened} opened from pending or snoozed, {unchanged} unchanged, "
            + $"{resnoozed} snoozed again");
    }
}
