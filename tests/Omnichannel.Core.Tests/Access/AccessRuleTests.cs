using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Tests.TestDoubles;

namespace Omnichannel.Core.Tests.Access;

public class AccessRuleTests
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
        Assert.True(AccessRule.CanSeeConversation(Principal.For(Ana), AssignedToAna));
    }

    [Fact]
    public void An_agent_sees_their_own_conversation_even_outside_their_queues()
    {
        Assert.True(AccessRule.CanSeeConversation(Principal.For(Ana), AssignedToAnaInSales));
    }

    [Fact]
    public void An_agent_does_not_see_a_colleagues_conversation_in_the_same_queue()
    {
        Assert.False(AccessRule.CanSeeConversation(Principal.For(Ana), AssignedToBo));
    }

    [Fact]
    public void An_agent_sees_unassigned_conversations_of_their_queue()
    {
        Assert.True(AccessRule.CanSeeConversation(Principal.For(Ana), UnassignedInBilling));
    }

    [Fact]
    public void An_agent_does_not_see_unassigned_conversations_of_another_queue()
    {
        Assert.False(AccessRule.CanSeeConversation(Principal.For(Ana), UnassignedInSales));
    }

    [Fact]
    public void Queue_names_are_matched_exactly()
    {
        Assert.False(AccessRule.CanSeeConversation(Principal.For(Ana), TestData.Conversation(queue: "Billing")));
    }

    [Fact]
    public void An_agent_with_no_queues_sees_only_their_own_conversations()
    {
        var loner = TestData.Agent("solo", AgentRole.Agent);

        Assert.False(AccessRule.CanSeeConversation(Principal.For(loner), UnassignedInBilling));
        Assert.True(AccessRule.CanSeeConversation(Principal.For(loner), TestData.Conversation(assigneeId: "solo")));
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Admin)]
    public void Leads_and_admins_see_every_conversation(AgentRole role)
    {
        var boss = role == AgentRole.Lead ? Lead : Admin;

        Assert.All([AssignedToAna, AssignedToBo, UnassignedInBilling, UnassignedInSales], c => Assert.True(AccessRule.CanSeeConversation(Principal.For(boss), c)));
    }

    [Fact]
    public void An_agent_may_take_an_unassigned_conversation_of_their_queue()
    {
        Assert.True(AccessRule.CanAssign(Principal.For(Ana), UnassignedInBilling, "ana"));
    }

    [Fact]
    public void An_agent_may_not_take_an_unassigned_conversation_of_another_queue()
    {
        Assert.False(AccessRule.CanAssign(Principal.For(Ana), UnassignedInSales, "ana"));
    }

    [Fact]
    public void An_agent_may_release_their_own_conversation()
    {
        Assert.True(AccessRule.CanAssign(Principal.For(Ana), AssignedToAna, null));
        Assert.True(AccessRule.CanAssign(Principal.For(Ana), AssignedToAnaInSales, null));
    }

    [Fact]
    public void An_agent_may_not_assign_an_unassigned_conversation_to_someone_else()
    {
        Assert.False(AccessRule.CanAssign(Principal.For(Ana), UnassignedInBilling, "bo"));
    }

    [Fact]
    public void An_agent_may_not_hand_their_own_conversation_to_someone_else()
    {
        Assert.False(AccessRule.CanAssign(Principal.For(Ana), AssignedToAna, "bo"));
    }

    [Fact]
    public void An_agent_may_not_steal_a_colleagues_conversation()
    {
        Assert.False(AccessRule.CanAssign(Principal.For(Ana), AssignedToBo, "ana"));
    }

    [Fact]
    public void An_agent_may_not_release_a_colleagues_conversation()
    {
        Assert.False(AccessRule.CanAssign(Principal.For(Ana), AssignedToBo, null));
    }

    [Fact]
    public void An_agent_may_not_leave_an_unassigned_conversation_of_their_queue_unassigned()
    {
        // Not a change, but also not one of the two moves an agent is allowed.
        Assert.False(AccessRule.CanAssign(Principal.For(Ana), UnassignedInBilling, null));
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
                Assert.True(AccessRule.CanAssign(Principal.For(boss), conversation, target), $"{role} assigning {conversation.AssigneeId ?? "unassigned"} in {conversation.Queue} to {target ?? "nobody"}");
            }
        }
    }
    private static Principal Token(params string[] scopes) =>
        Principal.For(new ApiToken("tok", "crm", scopes, "hash", "adi", TestData.Now));

    [Fact]
    public void Nobody_without_a_principal_sees_or_does_anything()
    {
        Assert.False(AccessRule.CanSeeConversation(null, UnassignedInBilling));
        Assert.False(AccessRule.CanSeeMessage(null, UnassignedInBilling, isPrivate: false));
        Assert.False(AccessRule.CanHearEvent(null, UnassignedInBilling, isPrivate: false, previousAssignee: null));
        Assert.False(AccessRule.SeesEverything(null));
        Assert.False(AccessRule.CanWatchTeam(null));
        Assert.False(AccessRule.CanAssign(null, UnassignedInBilling, null));
    }

    [Fact]
    public void An_integration_sees_every_conversation_only_with_the_read_scope()
    {
        Assert.All([AssignedToAna, UnassignedInSales], c => Assert.True(AccessRule.CanSeeConversation(Token("conversations:read"), c)));
        Assert.False(AccessRule.CanSeeConversation(Token("inbound"), AssignedToAna));
        Assert.True(AccessRule.SeesEverything(Token("inbound", "conversations:read")));
        Assert.False(AccessRule.SeesEverything(Token("inbound")));
    }

    [Fact]
    public void Private_notes_are_for_agents_who_see_the_conversation_never_for_integrations()
    {
        Assert.True(AccessRule.CanSeeMessage(Principal.For(Ana), AssignedToAna, isPrivate: true));
        Assert.True(AccessRule.CanSeeMessage(Principal.For(Lead), AssignedToAna, isPrivate: true));
        Assert.False(AccessRule.CanSeeMessage(Principal.For(Bo), AssignedToAna, isPrivate: true));
        Assert.False(AccessRule.CanSeeMessage(Token("conversations:read"), AssignedToAna, isPrivate: true));
        Assert.True(AccessRule.CanSeeMessage(Token("conversations:read"), AssignedToAna, isPrivate: false));
    }

    [Fact]
    public void The_agent_who_lost_a_conversation_hears_of_the_assignment_but_of_nothing_private()
    {
        Assert.True(AccessRule.CanHearEvent(Principal.For(Bo), AssignedToAna, isPrivate: false, previousAssignee: "bo"));
        Assert.False(AccessRule.CanHearEvent(Principal.For(Bo), AssignedToAna, isPrivate: true, previousAssignee: "bo"));
        Assert.False(AccessRule.CanHearEvent(Principal.For(Bo), AssignedToAna, isPrivate: false, previousAssignee: null));
        Assert.False(AccessRule.CanHearEvent(Token("inbound"), AssignedToAna, isPrivate: false, previousAssignee: "tok"));
    }

    [Fact]
    public void Only_leads_and_admins_watch_the_team_and_integrations_see_no_typing()
    {
        Assert.True(AccessRule.CanWatchTeam(Principal.For(Lead)));
        Assert.True(AccessRule.CanWatchTeam(Principal.For(Admin)));
        Assert.False(AccessRule.CanWatchTeam(Principal.For(Ana)));
        Assert.False(AccessRule.CanWatchTeam(Token("conversations:read")));
        Assert.True(AccessRule.CanSeeActivity(Principal.For(Ana), AssignedToAna));
        Assert.False(AccessRule.CanSeeActivity(Token("conversations:read"), AssignedToAna));
    }

    [Fact]
    public void Integrations_never_assign()
    {
        Assert.False(AccessRule.CanAssign(Token("inbound", "conversations:read"), UnassignedInBilling, "ana"));
    }

    [Fact]
    public void Every_event_an_agent_hears_is_about_a_conversation_they_see_or_just_lost()
    {
        // Exhaustive over the small world: the event rule never widens the conversation rule beyond the lost one.
        var principals = new[] { Principal.For(Ana), Principal.For(Bo), Principal.For(Lead), Principal.For(Admin), Token("conversations:read"), Token("inbound") };
        var conversations = new[] { AssignedToAna, AssignedToBo, UnassignedInBilling, UnassignedInSales, AssignedToAnaInSales };
        foreach (var principal in principals)
        {
            foreach (var conversation in conversations)
            {
                foreach (var isPrivate in new[] { false, true })
                {
                    foreach (var previous in new[] { null, "ana", "bo", "tok" })
                    {
                        var hears = AccessRule.CanHearEvent(principal, conversation, isPrivate, previous);
                        var sees = AccessRule.CanSeeMessage(principal, conversation, isPrivate);
                        Assert.True(!hears || sees || (previous == principal.Id && principal is AgentPrincipal && !isPrivate));
                        Assert.True(!sees || hears);
                    }
                }
            }
        }
    }
}
