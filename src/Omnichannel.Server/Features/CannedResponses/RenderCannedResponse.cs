using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.CannedResponses;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.CannedResponses;

/// <summary>
/// <c>GET /api/conversations/{id}/canned-responses/{cannedId}/render</c>: the response's text for that conversation,
/// its variables filled in from the store (the contact's name and email, the conversation's id) and from the caller
/// (their display name). The conversation answers as everywhere (unknown 404, another's 403, the one access rule);
/// a response the caller may not use is not found.
/// </summary>
public sealed record RenderCannedResponse(string ConversationId, string CannedResponseId, Agent Agent)
    : IRequest<Outcome<RenderedCannedResponse>>;

public sealed class RenderCannedResponseHandler(IConversationStore conversations, ICannedResponseStore responses)
    : IRequestHandler<RenderCannedResponse, Outcome<RenderedCannedResponse>>
{
    public async ValueTask<Outcome<RenderedCannedResponse>> Handle(
        RenderCannedResponse request, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(request.ConversationId)
            || await conversations.GetConversationAsync(request.ConversationId, cancellationToken)
                is not { } conversation)
        {
            return Outcome<RenderedCannedResponse>.NotFound;
        }

        if (!AccessRule.CanSeeConversation(Principal.For(request.Agent), conversation))
        {
            return Outcome<RenderedCannedResponse>.Forbidden;
        }

        if (await responses.GetAsync(request.CannedResponseId, cancellationToken) is not { } response
            || !CannedResponseAccess.CanUse(request.Agent, response))
        {
            return Outcome<RenderedCannedResponse>.NotFound;
        }

        var contact = await conversations.GetContactAsync(conversation.ContactId, cancellationToken);
        var values = new Dictionary<string, string?>
        {
            [CannedResponseVariables.ContactName] = contact?.Name,
            [CannedResponseVariables.ContactEmail] = contact?.Email,
            [CannedResponseVariables.AgentName] = request.Agent.Name,
            [CannedResponseVariables.ConversationId] = conversation.Id,
        };
        return Outcome<RenderedCannedResponse>.Found(new(CannedResponseTemplate.Render(response.Text, values)));
    }
}
