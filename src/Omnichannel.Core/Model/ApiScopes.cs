namespace Omnichannel.Core.Model;

public static class ApiScopes
{
    /// <summary>Post customer messages through the API channel.</summary>
    public const string Inbound = "inbound";

    /// <summary>Read every conversation, message and contact.</summary>
    public const string ConversationsRead = "conversations:read";

    /// <summary>Scrape the operator metrics at <c>/metrics</c> (Prometheus); nothing of any conversation.</summary>
    public const string Metrics = "metrics";

    public static IReadOnlyList<string> All { get; } = [Inbound, ConversationsRead, Metrics];
}
