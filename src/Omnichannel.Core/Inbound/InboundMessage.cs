using Omnichannel.Core.Model;

namespace Omnichannel.Core.Inbound;

/// <summary>
/// What every channel adapter produces: one customer message, normalized. The adapter knows its protocol;
/// everything after this point (dedup, contact, conversation, assignment) is channel-agnostic.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>Channel name, e.g. <c>api</c>, <c>email</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>Mailbox, bot or site the message arrived on.</summary>
    public required string Account { get; init; }

    /// <summary>The channel's own id for this message: the dedup key together with channel and account.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The identity the sender is known by on this channel; resolves or creates the contact.</summary>
    public required ContactIdentity Sender { get; init; }

    /// <summary>
    /// More identities of the same person that the channel vouches for (an integration's email, a host site's signed
    /// user): they find the contact, and are linked to it when nobody owns them yet.
    /// </summary>
    public IReadOnlyList<ContactIdentity> OtherIdentities { get; init; } = [];

    /// <summary>
    /// Identities the sender only claims (an email typed into a web chat form): recorded on the contact as claimed,
    /// shown to agents as such, but never used to find a contact nor linked to one. The customer answering from that
    /// mailbox verifies an email; an agent can merge two contacts by hand.
    /// </summary>
    public IReadOnlyList<ContactIdentity> ClaimedIdentities { get; init; } = [];

    public string? SenderName { get; init; }

    public required string Text { get; init; }

    /// <summary>Sanitized HTML, when the channel carries it. Adapters sanitize before it gets here.</summary>
    public string? Html { get; init; }

    public string? Subject { get; init; }

    /// <summary>
    /// Groups messages into one conversation (a mail thread root, a Telegram chat) within the channel and account.
    /// Null: one thread per contact. Whatever its text, it names a thread, never anything else: it cannot reach the
    /// per-contact thread or another conversation.
    /// </summary>
    public string? ThreadKey { get; init; }

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>
    /// The key this thread was stored under before the channel namespaced its keys (the API channel before keys were
    /// per token): when <see cref="ThreadKey"/> has no conversation yet, the store moves that one to it, once.
    /// </summary>
    public string? FormerThreadKey { get; init; }

    /// <summary>
    /// Continue this existing conversation whatever its channel, when the message answers one of its replies (see
    /// <see cref="ConversationContinuation"/>). Ignored when the reply is not one of it: <see cref="ThreadKey"/>
    /// decides then.
    /// </summary>
    public ConversationContinuation? Continues { get; init; }

    /// <summary>Queue new conversations from this message wait in.</summary>
    public string Queue { get; init; } = "default";

    /// <summary>
    /// Machine-written (an auto-reply, a bounce, our own mail seen again): recorded in its conversation, but it neither
    /// reopens nor routes it, so it never triggers an assignment. A new conversation from it starts resolved.
    /// </summary>
    public bool Automated { get; init; }
}
