using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Omnichannel.Core.Features;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Realtime;

namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// <c>/hubs/visitor?visitor_token=…</c>: the widget's live channel. Anonymous but token-bound: the token decides the
/// one conversation a connection can read and write. Sends are idempotent by client id (the widget retries until
/// acknowledged), limited per visitor, and stored as plain text.
/// </summary>
[AllowAnonymous]
public sealed class VisitorHub(
    VisitorTokens tokens,
    WebChatGate gate,
    VisitorLimits limits,
    VisitorPresence presence,
    IConversationStore store,
    IUploadStore uploads,
    IMediator mediator,
    LiveBus live,
    TimeProvider time) : Hub<IVisitorClient>
{
    public const int MaxText = 4000;
    public const int HistoryLimit = 100;
    private const string VisitorKey = "visitor";

    private Visitor Current => (Visitor)Context.Items[VisitorKey]!;

    public static string VisitorGroup(Visitor visitor) => $"visitor:{visitor.Site}:{visitor.ThreadKey}";

    public static string ConversationGroup(string conversationId) => "conversation:" + conversationId;

    public override async Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext()!;
        if (!tokens.TryRead(http.Request.Query["visitor_token"], out var visitor)
            || await gate.SiteAsync(visitor.Site, Context.ConnectionAborted) is not { } site
            || !WebChatGate.OriginAllowed(http.Request, site)
            || !limits.TryConnect(visitor, Context.ConnectionId))
        {
            Context.Abort();
            return;
        }

        Context.Items[VisitorKey] = visitor;
        await Groups.AddToGroupAsync(Context.ConnectionId, VisitorGroup(visitor));
        await Join();
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(VisitorKey, out var visitor))
        {
            limits.Disconnect((Visitor)visitor!, Context.ConnectionId);
            await presence.UntrackAsync(Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Stores the visitor's message once per <paramref name="clientId"/> and acknowledges it.</summary>
    public Task<SendAck> Send(string clientId, string text) => SendWithFiles(clientId, text, null);

    /// <summary>
    /// <see cref="Send"/> with files the visitor staged via <c>POST /api/webchat/attachments</c>: all of them are taken
    /// or none (then nothing is stored); the text may be empty when files come with it.
    /// </summary>
    public async Task<SendAck> SendWithFiles(string clientId, string? text, IReadOnlyList<string>? attachmentIds)
    {
        var visitor = Current;
        text ??= "";
        attachmentIds ??= [];
        // The client id becomes part of the message's dedup key: the widget's UUIDs, nothing that could shape a key.
        if (!Ids.IsWellFormed(clientId))
        {
            throw new HubException("clientId is required: up to 64 letters, digits, '-' or '_'.");
        }

        if ((attachmentIds.Count == 0 && string.IsNullOrWhiteSpace(text)) || text.Length > MaxText)
        {
            throw new HubException($"A message is 1 to {MaxText} characters.");
        }

        if (TextRules.Optional("text", text, MaxText, multiline: true).FirstOrDefault() is { } invalid)
        {
            throw new HubException($"The message {invalid.Message}");
        }

        if (attachmentIds.Count > WebChatAttachmentsApi.MaxFilesPerMessage)
        {
            throw new HubException($"At most {WebChatAttachmentsApi.MaxFilesPerMessage} files per message.");
        }

        if (!limits.TryAcquireSend(visitor))
        {
            throw new HubException("Too many messages; wait a few seconds and try again.");
        }

        var site = await gate.SiteAsync(visitor.Site, Context.ConnectionAborted) ?? throw new HubException("This chat is closed.");
        var externalId = $"{visitor.VisitorId}:{clientId}";
        IReadOnlyList<AttachmentInfo> files = [];
        if (attachmentIds.Count > 0)
        {
            var taken = await uploads.TakeAsync(visitor.Identity, WebChatAttachmentsApi.UploaderId, attachmentIds, Context.ConnectionAborted);
            if (taken is null)
            {
                // A retry of a send whose acknowledgement was lost finds its files already taken: acknowledge the stored one.
                return await FindSentAsync(visitor, externalId, clientId)
                    ?? throw new HubException("Those files are not this visitor's uploads (or expired after a day); attach them again.");
            }

            files = taken;
        }

        var result = await mediator.Send(new IngestMessage(new InboundMessage
        {
            Channel = ChannelNames.WebChat,
            Account = site.Key,
            ExternalId = externalId,
            Sender = new ContactIdentity(IdentityKinds.WebVisitor, visitor.Identity),
            // A typed email is only claimed; with the host site's userHash the site vouches for its user and email.
            OtherIdentities = visitor.Email is null || visitor.UserId is null ? [] : [new(IdentityKinds.Email, visitor.Email)],
            ClaimedIdentities = visitor.Email is null || visitor.UserId is not null ? [] : [new(IdentityKinds.Email, visitor.Email)],
            SenderName = visitor.Name,
            Text = text,
            Attachments = files,
            ThreadKey = visitor.ThreadKey,
            Queue = site.Queue,
        }), Context.ConnectionAborted);

        await Groups.AddToGroupAsync(Context.ConnectionId, ConversationGroup(result.ConversationId));
        await presence.TrackAsync(Context.ConnectionId, result.ConversationId, Context.ConnectionAborted);
        if (!result.Duplicate && await store.GetMessageAsync(result.MessageId, Context.ConnectionAborted) is { } stored)
        {
            // Other tabs of this visitor see it too (and join the conversation when it is new).
            await Clients.Group(VisitorGroup(visitor)).Message(WebChatMessages.ToVisitor(stored, clientId));
        }

        return new SendAck(clientId, result.MessageId, result.ConversationId, result.Duplicate);
    }

    private async Task<SendAck?> FindSentAsync(Visitor visitor, string externalId, string clientId)
    {
        var id = await store.FindThreadConversationAsync(ChannelNames.WebChat, visitor.Site, visitor.ThreadKey, Context.ConnectionAborted);
        if (id is null)
        {
            return null;
        }

        var page = await store.ListMessagesAsync(id, null, HistoryLimit, Context.ConnectionAborted);
        return page.Items.FirstOrDefault(m => m.Direction == MessageDirection.In && m.ExternalId == externalId) is { } sent
            ? new SendAck(clientId, sent.Id, id, Duplicate: true)
            : null;
    }

    /// <summary>Joins this connection to the visitor's conversation once it exists (another tab may have started it).</summary>
    public async Task<string?> Join()
    {
        var id = await store.FindThreadConversationAsync(ChannelNames.WebChat, Current.Site, Current.ThreadKey, Context.ConnectionAborted);
        if (id is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ConversationGroup(id));
            await presence.TrackAsync(Context.ConnectionId, id, Context.ConnectionAborted);
        }

        return id;
    }

    /// <summary>The conversation's messages after <paramref name="afterSeq"/> (0 = from the start), oldest first; never private notes.</summary>
    public async Task<IReadOnlyList<VisitorMessage>> History(long afterSeq)
    {
        var id = await Join();
        if (id is null)
        {
            return [];
        }

        var page = await store.ListMessagesAsync(id, null, HistoryLimit, Context.ConnectionAborted);
        return [.. page.Items.Where(m => !m.IsPrivate && m.Sequence > afterSeq).OrderBy(m => m.Sequence).Select(m => WebChatMessages.ToVisitor(m, null))];
    }

    /// <summary>The visitor is typing (the widget throttles this): agents see it in the conversation.</summary>
    public async Task Typing()
    {
        var id = await store.FindThreadConversationAsync(ChannelNames.WebChat, Current.Site, Current.ThreadKey, Context.ConnectionAborted);
        if (id is null || !limits.TryAcquireTyping(Current) || await store.GetConversationAsync(id, Context.ConnectionAborted) is not { } conversation)
        {
            return;
        }

        await live.PublishAsync(new TypingSignal(new TypingEvent(id, null, Current.Name ?? "Visitor", time.GetUtcNow().AddSeconds(5))), Context.ConnectionAborted);
    }
}
