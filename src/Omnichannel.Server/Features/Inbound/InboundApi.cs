using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Omnichannel.Core.Features;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Inbound;

/// <summary>The API channel: integrations post customer messages with an API token that has the inbound scope.</summary>
public static class InboundApi
{
    public const string DefaultInbox = "default";
    public const long MaxBodyBytes = 1024 * 1024;

    public static RouteGroupBuilder MapInboundApi(this RouteGroupBuilder group)
    {
        group.MapPost("/", PostAsync)
            .RequireAuthorization(InboxPolicies.Inbound)
            .RequireRateLimiting(Hosting.RateLimits.Inbound)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return group;
    }

    /// <summary><c>POST /api/conversations/{id}/messages/{messageId}/delivery</c>: the integration reports what became of a reply.</summary>
    public static RouteGroupBuilder MapDeliveryReports(this RouteGroupBuilder conversations)
    {
        conversations.MapPost("/{id}/messages/{messageId}/delivery", ReportDeliveryAsync).RequireAuthorization(InboxPolicies.Inbound);
        return conversations;
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ReportDeliveryAsync(
        string id, string messageId, DeliveryReport report, IConversationStore store, IMediator mediator, CancellationToken ct)
    {
        if (!Enum.TryParse<DeliveryState>(report.State, ignoreCase: true, out var state) || state is DeliveryState.None or DeliveryState.Pending
            || !Enum.IsDefined(state))
        {
            throw new RequestValidationException([new("state", "must be sent, delivered or failed.")]);
        }

        if (!Ids.IsWellFormed(id) || !Ids.IsWellFormed(messageId)
            || await store.GetConversationAsync(id, ct) is not { Channel: ChannelNames.Api }
            || await store.GetMessageAsync(messageId, ct) is not { } message || message.ConversationId != id)
        {
            return TypedResults.NotFound();
        }

        var update = await mediator.Send(new RecordDelivery(id, messageId, state, report.Error), ct);
        return update is { Deliverable: false }
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only agents' replies have a delivery state.")
            : TypedResults.NoContent();
    }

    private static async Task<Results<Created<InboundResponse>, Ok<InboundResponse>>> PostAsync(
        InboundRequest request, HttpContext http, IMediator mediator, IQueueStore queues, CancellationToken ct)
    {
        // The inbound policy admits API tokens only, and every token has an id.
        var tokenId = http.User.GetTokenId() ?? throw new InvalidOperationException("An inbound call without a token.");
        var inbound = ToInbound(request, tokenId);
        // The queue names a key: checked before it reaches the store ("default:members" once answered 500).
        if (InputRules.Slug("queue", inbound.Queue).ToList() is { Count: > 0 } invalid)
        {
            throw new RequestValidationException(invalid);
        }

        if (await queues.GetAsync(inbound.Queue, ct) is null)
        {
            // A conversation in a queue nobody works would wait forever: refuse it instead.
            throw new RequestValidationException([new("queue", $"no queue '{inbound.Queue}' exists (see GET /api/queues).")]);
        }

        var result = await mediator.Send(new IngestMessage(inbound), ct);
        var body = new InboundResponse(result.ConversationId, result.MessageId);
        return result.Duplicate ? TypedResults.Ok(body) : TypedResults.Created($"/api/conversations/{result.ConversationId}", body);
    }

    /// <summary>
    /// The thread an integration's key names: its own, per token (<c>token:{id}:{key}</c>), so no key reaches
    /// another token's threads, the per-contact thread or a conversation by its id.
    /// </summary>
    public static string ThreadKeyOf(string tokenId, string key) => $"token:{tokenId}:{key}";

    // Keys were used as given before they were per token: such a thread moves to the first token that names it
    // again. "contact:..." was the per-contact thread and "@conv:..." a conversation id, never a thread of their own.
    private static string? FormerThreadKeyOf(string key) =>
        key.StartsWith("contact:", StringComparison.Ordinal) || key.StartsWith("@conv:", StringComparison.Ordinal)
            ? null
            : key;

    private static InboundMessage ToInbound(InboundRequest request, string tokenId)
    {
        // Shape errors first (what IngestMessage cannot express); its own validation covers the values.
        var errors = new List<ValidationError>();
        if (request.Contact is null)
        {
            errors.Add(new("contact", "is required."));
        }
        else if (string.IsNullOrWhiteSpace(request.Contact.Identifier) && string.IsNullOrWhiteSpace(request.Contact.Email))
        {
            errors.Add(new("contact.identifier", "is required (or contact.email)."));
        }

        if (request.Inbox is not null && !Ids.IsWellFormed(request.Inbox))
        {
            errors.Add(new("inbox", "must be letters, digits, '-' or '_'."));
        }

        if (request.Contact?.Email is { } email && !Core.Rules.IdentityRules.LooksLikeEmail(email.Trim()))
        {
            errors.Add(new("contact.email", "is not an email address."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var contact = request.Contact!;
        var emailIdentity = string.IsNullOrWhiteSpace(contact.Email) ? null : new ContactIdentity(IdentityKinds.Email, contact.Email);
        var sender = string.IsNullOrWhiteSpace(contact.Identifier) ? emailIdentity! : new ContactIdentity(IdentityKinds.Api, contact.Identifier);
        return new InboundMessage
        {
            Channel = ChannelNames.Api,
            Account = request.Inbox ?? DefaultInbox,
            ExternalId = request.SourceId ?? "",
            Sender = sender,
            OtherIdentities = emailIdentity is not null && sender != emailIdentity ? [emailIdentity] : [],
            SenderName = contact.Name,
            Text = request.Text ?? "",
            Subject = request.Subject,
            ThreadKey = string.IsNullOrWhiteSpace(request.ThreadKey) ? null : ThreadKeyOf(tokenId, request.ThreadKey),
            FormerThreadKey = string.IsNullOrWhiteSpace(request.ThreadKey) ? null : FormerThreadKeyOf(request.ThreadKey),
            Queue = request.Queue ?? "default",
        };
    }
}
