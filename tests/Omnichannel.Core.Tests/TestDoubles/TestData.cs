using Omnichannel.Core.Features;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;

namespace Omnichannel.Core.Tests.TestDoubles;

/// <summary>Valid domain values that tests change one property at a time.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static InboundMessage Inbound(string externalId = "src-1") => new()
    {
        Channel = ChannelNames.Email,
        Account = "support@example.test",
        ExternalId = externalId,
        Sender = new ContactIdentity(IdentityKinds.Email, "ana@example.test"),
        SenderName = "Ana",
        Text = "My order is late.\nCan you help?",
        Subject = "Order 1234",
        Queue = "default",
    };

    public static Agent Agent(string id, AgentRole role = AgentRole.Agent, params string[] queues) =>
        new(id, $"{id}@example.test", id, role, 5, queues, "hash", "stamp", Now);

    public static Conversation Conversation(string id = "conv-1", string queue = "billing", string? assigneeId = null,
        ConversationStatus status = ConversationStatus.Open) =>
        new(id, ChannelNames.Email, "support@example.test", "contact-1", status, assigneeId, queue, "standard", "Order 1234",
            Now, Now, null, null, [], 1);

    public static Actor ActorFor(string agentId) => new(AuthorKind.Agent, agentId, agentId);
}
