using Omnichannel.Core.Model;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Tests.TestDoubles;

namespace Omnichannel.Core.Tests.Rules;

public class ConversationAccessTests
{
    private static readonly Agent Ana = TestData.Agent("ana", AgentRole.Agent, "billing");
    private static readonly Agent Bo = TestData.Agent("bo", AgentRole.Agent, "billing");
    private static readonly Agent Lead = TestData.Agent("lea", AgentRole.Lead, "sales");
    private static readonly Agent Admin = TestData.Agent("adi", AgentRole.Admin);

    private static readonly Conversation AssignedToAna = TestData.Conversation(queue: "billing", assigneeId: "ana");
    private static readonly Conversation AssignedToBo = TestData.Conversation(queue: "billing", assigneeId: "bo");
    private static readonly Conversation UnassignedInBilling = TestData.Conversation(queue: "billing");
    private static readonly Conversation UnassignedInSales = TestData.Conversation(queue: "sales");
    private static readonly Conversation AssignedToAnaInSales = TestData.Conversation(queue: "sales", assigneeId: "ana");

    [Fact]
    public void An_agent_sees_conversations_assigned_to_them()
    {
        Assert.True(ConversationAccess.CanSee(Ana, AssignedToAna));
    }

    [Fact]
    public void An_agent_sees_their_own_conversation_even_outside_their_queues()
    {
        Assert.True(ConversationAccess.CanSee(Ana, AssignedToAnaInSales));
    }

    [Fact]
    public void An_agent_does_not_see_a_colleagues_conversation_in_the_same_queue()
    {
        Assert.False(ConversationAccess.CanSee(Ana, AssignedToBo));
    }

    [Fact]
    public void An_agent_sees_unassigned_conversations_of_their_queue()
    {
        Assert.True(ConversationAccess.CanSee(Ana, UnassignedInBilling));
    }

    [Fact]
    public void An_agent_does_not_see_unassigned_conversations_of_another_queue()
    {
        Assert.False(ConversationAccess.CanSee(Ana, UnassignedInSales));
    }

    [Fact]
    public void Queue_names_are_matched_exactly()
    {
        Assert.False(ConversationAccess.CanSee(Ana, TestData.Conversation(queue: "Billing")));
    }

    [Fact]
    public void An_agent_with_no_queues_sees_only_their_own_conversations()
    {
        var loner = TestData.Agent("solo", AgentRole.Agent);

        Assert.False(ConversationAccess.CanSee(loner, UnassignedInBilling));
        Assert.True(ConversationAccess.CanSee(loner, TestData.Conversation(assigneeId: "solo")));
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Admin)]
    public void Leads_and_admins_see_every_conversation(AgentRole role)
    {
        var boss = role == AgentRole.Lead ? Lead : Admin;

        Assert.All([AssignedToAna, AssignedToBo, UnassignedInBilling, UnassignedInSales], c => Assert.True(ConversationAccess.CanSee(boss, c)));
    }

    [Fact]
    public void An_agent_may_take_an_unassigned_conversation_of_their_queue()
    {
        Assert.True(ConversationAccess.CanAssign(Ana, UnassignedInBilling, "ana"));
    }

    [Fact]
    public void An_agent_may_not_take_an_unassigned_conversation_of_another_queue()
    {
        Assert.False(ConversationAccess.CanAssign(Ana, UnassignedInSales, "ana"));
    }

    [Fact]
    public void An_agent_may_release_their_own_conversation()
    {
        Assert.True(ConversationAccess.CanAssign(Ana, AssignedToAna, null));
        Assert.True(ConversationAccess.CanAssign(Ana, AssignedToAnaInSales, null));
    }

    [Fact]
    public void An_agent_may_not_assign_an_unassigned_conversation_to_someone_else()
    {
        Assert.False(ConversationAccess.CanAssign(Ana, UnassignedInBilling, "bo"));
    }

    [Fact]
    public void An_agent_may_not_hand_their_own_conversation_to_someone_else()
    {
        Assert.False(ConversationAccess.CanAssign(Ana, AssignedToAna, "bo"));
    }

    [Fact]
    public void An_agent_may_not_steal_a_colleagues_conversation()
    {
        Assert.False(ConversationAccess.CanAssign(Ana, AssignedToBo, "ana"));
    }

    [Fact]
    public void An_agent_may_not_release_a_colleagues_conversation()
    {
        Assert.False(ConversationAccess.CanAssign(Ana, AssignedToBo, null));
    }

    [Fact]
    public void An_agent_may_not_leave_an_unassigned_conversation_of_their_queue_unassigned()
    {
        // Not a change, but also not one of the two moves an agent is allowed.
        Assert.False(ConversationAccess.CanAssign(Ana, UnassignedInBilling, null));
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Admin)]
    public void Leads_and_admins_may_assign_any_conversation_to_anyone(AgentRole role)
    {
        var boss = role == AgentRole.Lead ? Lead : Admin;

        foreach (var conversation in new[] { AssignedToAna, AssignedToBo, UnassignedInBilling, UnassignedInSales })
        {
            foreach (var target in new[] { "ana", "bo", boss.Id, null })
            {
                Assert.True(ConversationAccess.CanAssign(boss, conversation, target), $"{role} assigning {conversation.AssigneeId ?? "unassigned"} in {conversation.Queue} to {target ?? "nobody"}");
            }
        }
    }
}
