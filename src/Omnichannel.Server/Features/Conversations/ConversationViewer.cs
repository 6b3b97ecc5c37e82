using Omnichannel.Core.Model;
using Omnichannel.Core.Rules;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Conversations;

/// <summary>The caller as far as conversations go: an agent (rules in <see cref="ConversationAccess"/>) or a read-scoped token.</summary>
public sealed record ConversationViewer(Agent? Agent)
{
    public bool SeesEverything => Agent is null || Agent.SeesEverything;

    public bool CanSee(Conversation conversation) => Agent is null || ConversationAccess.CanSee(Agent, conversation);

    /// <summary>Token callers passed the read policy; agents come from the cookie check.</summary>
    public static ConversationViewer From(HttpContext http) => new(http.CurrentAgent());
}
