namespace Omnichannel.Core.CannedResponses;

/// <summary>
/// The variables a canned response may use, each written <c>{{name}}</c> (spaces inside the braces allowed).
/// </summary>
public static class CannedResponseVariables
{
    public const string ContactName = "contact.name";
    public const string ContactEmail = "contact.email";
    public const string AgentName = "agent.name";
    public const string ConversationId = "conversation.id";
}
