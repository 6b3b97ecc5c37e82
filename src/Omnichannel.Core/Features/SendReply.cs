using Mediator;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Features;

/// <summary>
/// Stores an agent's reply as pending; the conversation's channel delivers it afterwards, with its files
/// (<paramref name="Attachments"/>, already in the blob store). A reply with files may have no text.
/// <paramref name="MessageId"/> names the message when the caller must be able to repeat the reply safely
/// (<see cref="OutboundMessage.MessageId"/>).
/// </summary>
public sealed record SendReply(
    string ConversationId, Actor Author, string Text, IReadOnlyList<AttachmentInfo>? Attachments = null, string? MessageId = null)
    : IRequest<AppendResult?>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => Attachments is { Count: > 0 } && Text.Length == 0
        ? []
        : TextRules.Required("text", Text, TextRules.MaxMessageLength, multiline: true);
}

/// <summary>A note only agents see; never sent to the customer.</summary>
public sealed record AddPrivateNote(string ConversationId, Actor Author, string Text, string? MessageId = null) : IRequest<AppendResult?>, IValidatable
{
    public IEnumerable<ValidationError> Validate() => TextRules.Required("text", Text, TextRules.MaxMessageLength, multiline: true);
}

public sealed class OutboundMessageHandler(IConversationStore store, IPublisher publisher, TimeProvider time)
    : IRequestHandler<SendReply, AppendResult?>, IRequestHandler<AddPrivateNote, AppendResult?>
{
    public ValueTask<AppendResult?> Handle(SendReply request, CancellationToken cancellationToken) =>
        AppendAsync(request.ConversationId, request.Author, request.Text, isPrivate: false, request.Attachments ?? [], request.MessageId, cancellationToken);

    public ValueTask<AppendResult?> Handle(AddPrivateNote request, CancellationToken cancellationToken) =>
        AppendAsync(request.ConversationId, request.Author, request.Text, isPrivate: true, [], request.MessageId, cancellationToken);

    private async ValueTask<AppendResult?> AppendAsync(
        string conversationId, Actor author, string text, bool isPrivate, IReadOnlyList<AttachmentInfo> attachments, string? messageId,
        CancellationToken cancellationToken)
    {
        // The store's script checks the conversation exists and hands back its channel: one round trip.
        var message = new OutboundMessage(conversationId, author.Kind, author.Id, author.Name, text, isPrivate) { Attachments = attachments, MessageId = messageId };
        var result = await store.AppendOutboundAsync(message, time.GetUtcNow(), cancellationToken);
        if (result is { Duplicate: false })
        {
            await publisher.Publish(new MessageCreated(conversationId, result.MessageId, MessageDirection.Out, isPrivate, result.Channel, result.EventSequence), cancellationToken);
        }

        return result;
    }
}
