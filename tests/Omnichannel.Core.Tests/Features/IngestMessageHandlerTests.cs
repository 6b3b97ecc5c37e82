using Microsoft.Extensions.Time.Testing;
using Omnichannel.Core.Events;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Tests.TestDoubles;

namespace Omnichannel.Core.Tests.Features;

public class IngestMessageHandlerTests
{
    private readonly InMemoryConversationStore _store = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly IngestMessageHandler _handler;

    public IngestMessageHandlerTests() => _handler = new IngestMessageHandler(_store, _publisher, _time);

    [Fact]
    public async Task The_sender_is_normalized_before_the_store_sees_it()
    {
        var message = TestData.Inbound() with
        {
            Sender = new ContactIdentity("email", "  Ana.Silva@Example.TEST "),
            OtherIdentities = [new ContactIdentity("telegram", " AnaTG "), new ContactIdentity("email", "ANA@work.test")],
            SenderName = "  Ana Silva  ",
        };

        await _handler.Handle(new IngestMessage(message), CancellationToken.None);

        var stored = Assert.Single(_store.IngestedMessages);
        Assert.Equal(new ContactIdentity("email", "ana.silva@example.test"), stored.Sender);
        Assert.Equal([new ContactIdentity("telegram", "AnaTG"), new ContactIdentity("email", "ana@work.test")], stored.OtherIdentities);
        Assert.Equal("Ana Silva", stored.SenderName);
        Assert.Equal(message.Text, stored.Text);
        Assert.Equal(message.ExternalId, stored.ExternalId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_sender_name_is_stored_as_no_name(string name)
    {
        await _handler.Handle(new IngestMessage(TestData.Inbound() with { SenderName = name }), CancellationToken.None);

        Assert.Null(Assert.Single(_store.IngestedMessages).SenderName);
    }

    [Fact]
    public async Task The_same_address_typed_two_ways_lands_in_one_conversation()
    {
        var first = await _handler.Handle(new IngestMessage(TestData.Inbound("m1") with { Sender = new ContactIdentity("email", "Bo@Example.test") }), CancellationToken.None);
        var second = await _handler.Handle(new IngestMessage(TestData.Inbound("m2") with { Sender = new ContactIdentity("email", " bo@example.TEST") }), CancellationToken.None);

        Assert.Equal(first.ContactId, second.ContactId);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.False(second.ConversationCreated);
    }

    [Fact]
    public async Task The_store_is_given_the_current_time()
    {
        _time.Advance(TimeSpan.FromMinutes(42));

        await _handler.Handle(new IngestMessage(TestData.Inbound()), CancellationToken.None);

        Assert.Equal(TestData.Now.AddMinutes(42), _store.LastNow);
    }

    [Fact]
    public async Task A_new_conversation_announces_the_conversation_then_the_message()
    {
        var message = TestData.Inbound() with { Channel = ChannelNames.Telegram, Queue = "billing" };

        var result = await _handler.Handle(new IngestMessage(message), CancellationToken.None);

        Assert.True(result.ConversationCreated);
        Assert.Equal(
            [
                new ConversationCreated(result.ConversationId, result.ContactId, ChannelNames.Telegram, "billing", result.ConversationEventSequence),
                new MessageCreated(result.ConversationId, result.MessageId, MessageDirection.In, false, ChannelNames.Telegram, result.EventSequence),
            ],
            _publisher.Published);
    }

    [Fact]
    public async Task A_message_to_a_resolved_conversation_announces_the_reopen_then_the_message()
    {
        var first = await _handler.Handle(new IngestMessage(TestData.Inbound("m1")), CancellationToken.None);
        await _store.ChangeStatusAsync(first.ConversationId, ConversationStatus.Resolved, null, "ana", TestData.Now);
        var published = _publisher.Published.Count;

        var result = await _handler.Handle(new IngestMessage(TestData.Inbound("m2")), CancellationToken.None);

        Assert.True(result.Reopened);
        Assert.Equal(first.ConversationId, result.ConversationId);
        Assert.Equal(
            [
                new ConversationReopened(result.ConversationId, result.ConversationEventSequence),
                new MessageCreated(result.ConversationId, result.MessageId, MessageDirection.In, false, ChannelNames.Email, result.EventSequence),
            ],
            _publisher.Published.Skip(published));
        Assert.Equal(ConversationStatus.Open, _store.Get(result.ConversationId).Status);
    }

    [Fact]
    public async Task A_follow_up_in_an_open_conversation_announces_only_the_message()
    {
        await _handler.Handle(new IngestMessage(TestData.Inbound("m1")), CancellationToken.None);
        var published = _publisher.Published.Count;

        var result = await _handler.Handle(new IngestMessage(TestData.Inbound("m2")), CancellationToken.None);

        Assert.False(result.ConversationCreated);
        Assert.False(result.Reopened);
        var only = Assert.Single(_publisher.Published.Skip(published));
        Assert.Equal(new MessageCreated(result.ConversationId, result.MessageId, MessageDirection.In, false, ChannelNames.Email, result.EventSequence), only);
    }

    [Fact]
    public async Task A_message_to_a_snoozed_conversation_announces_that_it_is_open_again_then_the_message()
    {
        var first = await _handler.Handle(new IngestMessage(TestData.Inbound("m1")), CancellationToken.None);
        await _store.ChangeStatusAsync(first.ConversationId, ConversationStatus.Snoozed, DateTimeOffset.UtcNow.AddDays(1), "agent-1", DateTimeOffset.UtcNow);
        var published = _publisher.Published.Count;

        var result = await _handler.Handle(new IngestMessage(TestData.Inbound("m2")), CancellationToken.None);

        Assert.False(result.Reopened);
        Assert.Equal(
            [
                new ConversationStatusChanged(result.ConversationId, ConversationStatus.Snoozed, ConversationStatus.Open, result.ContactId, result.ConversationEventSequence),
                new MessageCreated(result.ConversationId, result.MessageId, MessageDirection.In, false, ChannelNames.Email, result.EventSequence),
            ],
            _publisher.Published.Skip(published));
    }

    [Fact]
    public async Task A_duplicate_message_announces_nothing_and_returns_the_original()
    {
        var original = await _handler.Handle(new IngestMessage(TestData.Inbound("m1")), CancellationToken.None);
        var published = _publisher.Published.Count;

        var again = await _handler.Handle(new IngestMessage(TestData.Inbound("m1")), CancellationToken.None);

        Assert.True(again.Duplicate);
        Assert.Equal((original.ConversationId, original.MessageId), (again.ConversationId, again.MessageId));
        Assert.Equal(published, _publisher.Published.Count);
    }
}
