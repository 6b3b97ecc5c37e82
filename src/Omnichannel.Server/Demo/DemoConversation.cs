namespace Omnichannel.Server.Demo;

/// <summary>One demo conversation: the customer's messages, then (optionally) who handles it and how.</summary>
internal sealed record DemoConversation(
    string Channel,
    string IdentityKind,
    string Identity,
    string Customer,
    string? Subject,
    IReadOnlyList<string> CustomerMessages,
    string Queue = "default",
    string? Agent = null,
    string? Note = null,
    string? Reply = null,
    bool Resolved = false);
