using Microsoft.Extensions.Time.Testing;
using Omnichannel.Core.Events;
using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Tests.TestDoubles;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Features;

public class ChangeStatusHandlerTests
{
    private static readonly Actor Ana = TestData.ActorFor("ana");

    private readonly InMemoryConversationStore _store = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly ChangeStatusHandler _handler;

    public ChangeStatusHandlerTests()
    {
        _handler = new ChangeStatusHandler(_store, _publisher, _time);
        _store.Add(TestData.Conversation("conv-1", status: ConversationStatus.Open));
    }

    [Fact]
    public async Task Snoozing_until_a_time_that_has_passed_is_rejected_without_touching_the_store()
    {
        var snoozeUntil = TestData.Now.AddHours(1);
        _time.Advance(TimeSpan.FromHours(2));

        var thrown = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await _handler.Handle(new ChangeStatus("conv-1", ConversationStatus.Snoozed, snoozeUntil, Ana), CancellationToken.None));

        Assert.Equal(new ValidationError("snoozeUntil", "snoozeUntil must be in the future."), Assert.Single(thrown.Errors));
        Assert.Empty(_store.Calls);
        Assert.Empty(_publisher.Published);
        Assert.Equal(ConversationStatus.Open, _store.Get("conv-1").Status);
    }

    [Fact]
    public async Task The_snooze_time_is_judged_by_the_injected_clock()
    {
        var snoozeUntil = TestData.Now.AddHours(1);

        var result = await _handler.Handle(new ChangeStatus("conv-1", ConversationStatus.Snoozed, snoozeUntil, Ana), CancellationToken.None);

        Assert.Equal(ConversationStatus.Snoozed, result?.Current);
        Assert.Equal(snoozeUntil, _store.Get("conv-1").SnoozedUntil);
        Assert.Equal(TestData.Now, _store.LastNow);
    }

    [Fact]
    public async Task A_snooze_time_with_another_status_is_rejected_without_touching_the_store()
    {
        await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await _handler.Handle(new ChangeStatus("conv-1", ConversationStatus.Resolved, TestData.Now.AddDays(1), Ana), CancellationToken.None));

        Assert.Empty(_store.Calls);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task A_change_of_status_is_announced_with_the_actor()
    {
        var result = await _handler.Handle(new ChangeStatus("conv-1", ConversationStatus.Resolved, null, Ana), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal((ConversationStatus.Open, ConversationStatus.Resolved), (result.Previous, result.Current));
        var announced = Assert.Single(_publisher.Published);
        Assert.Equal(new ConversationStatusChanged("conv-1", ConversationStatus.Open, ConversationStatus.Resolved, "ana", result.EventSequence), announced);
    }

    [Fact]
    public async Task Setting_the_status_a_conversation_already_has_announces_nothing()
    {
        var result = await _handler.Handle(new ChangeStatus("conv-1", ConversationStatus.Open, null, Ana), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(ConversationStatus.Open, result.Current);
        Assert.Equal([nameof(InMemoryConversationStore.ChangeStatusAsync)], _store.Calls);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task Changing_the_status_of_an_unknown_conversation_returns_null_and_announces_nothing()
    {
        var result = await _handler.Handle(new ChangeStatus("missing", ConversationStatus.Resolved, null, Ana), CancellationToken.None);

        Assert.Null(result);
        Assert.Empty(_publisher.Published);
    }
}
