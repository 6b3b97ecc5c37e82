using Microsoft.Extensions.Time.Testing;
using Omnichannel.Core.Events;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Tests.TestDoubles;

namespace Omnichannel.Core.Tests.Features;

public class OutboundMessageHandlerTests
{
    private static readonly Actor Ana = new(AuthorKind.Agent, "ana", "Ana Silva");

    private readonly InMemoryConversationStore _store = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly OutboundMessageHandler _handler;

    public OutboundMessageHandlerTests()
    {
        _handler = new OutboundMessageHandler(_store, _publisher, _time);
        _store.Add(TestData.Conversation("conv-1") with { Channel = ChannelNames.Telegram });
    }

    [Fact]
    public async Task A_reply_is_stored_as_the_agents_and_announced_as_outbound_on_the_conversations_channel()
    {
        var result = await _handler.Handle(new SendReply("conv-1", Ana, "Your order ships today."), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(new OutboundMessage("conv-1", AuthorKind.Agent, "ana", "Ana Silva", "Your order ships today.", false), Assert.Single(_store.OutboundMessages));
        Assert.Equal(
            new MessageCreated("conv-1", result.MessageId, MessageDirection.Out, false, ChannelNames.Telegram, result.EventSequence),
            Assert.Single(_publisher.Published));
    }

    [Fact]
    public async Task A_private_note_is_stored_and_announced_as_private()
    {
        var result = await _handler.Handle(new AddPrivateNote("conv-1", Ana, "Customer called twice."), CancellationToken.None);

        Assert.NotNull(result);
        Assert.True(Assert.Single(_store.OutboundMessages).IsPrivate);
        Assert.Equal(
            new MessageCreated("conv-1", result.MessageId, MessageDirection.Out, true, ChannelNames.Telegram, result.EventSequence),
            Assert.Single(_publisher.Published));
    }

    [Fact]
    public async Task A_reply_is_stamped_with_the_current_time()
    {
        _time.Advance(TimeSpan.FromMinutes(5));

        await _handler.Handle(new SendReply("conv-1", Ana, "hello"), CancellationToken.None);

        Assert.Equal(TestData.Now.AddMinutes(5), _store.LastNow);
    }

    [Fact]
    public async Task A_reply_to_an_unknown_conversation_returns_null_stores_nothing_and_announces_nothing()
    {
        var result = await _handler.Handle(new SendReply("missing", Ana, "hello"), CancellationToken.None);

        Assert.Null(result);
        Assert.Equal([nameof(InMemoryConversationStore.AppendOutboundAsync)], _store.Calls);
        Assert.Empty(_store.OutboundMessages);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task A_note_on_an_unknown_conversation_returns_null_and_announces_nothing()
    {
        var result = await _handler.Handle(new AddPrivateNote("missing", Ana, "note"), CancellationToken.None);

        Assert.Null(result);
        Assert.Empty(_store.OutboundMessages);
        Assert.Empty(_publisher.Published);
    }
}
