using Microsoft.Extensions.Time.Testing;
using Omnichannel.Core.Events;
using Omnichannel.Core.Features;
using Omnichannel.Core.Tests.TestDoubles;

namespace Omnichannel.Core.Tests.Features;

public class AssignConversationHandlerTests
{
    private static readonly Actor Lead = TestData.ActorFor("lea");

    private readonly InMemoryConversationStore _store = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly AssignConversationHandler _handler;

    public AssignConversationHandlerTests()
    {
        _handler = new AssignConversationHandler(_store, _publisher, _time);
        _store.Add(TestData.Conversation("conv-1", assigneeId: "ana"));
    }

    [Fact]
    public async Task Assigning_to_someone_else_is_announced_with_both_assignees_and_the_reason()
    {
        var result = await _handler.Handle(new AssignConversation("conv-1", "bo", AssignmentReasons.Manual, Lead), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("bo", _store.Get("conv-1").AssigneeId);
        var announced = Assert.Single(_publisher.Published);
        Assert.Equal(new ConversationAssigned("conv-1", "ana", "bo", AssignmentReasons.Manual, "lea", result.EventSequence), announced);
    }

    [Fact]
    public async Task Releasing_a_conversation_to_its_queue_is_announced()
    {
        var result = await _handler.Handle(new AssignConversation("conv-1", null, AssignmentReasons.Manual, Lead), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Null(_store.Get("conv-1").AssigneeId);
        Assert.Equal(new ConversationAssigned("conv-1", "ana", null, AssignmentReasons.Manual, "lea", result.EventSequence), Assert.Single(_publisher.Published));
    }

    [Fact]
    public async Task Assigning_to_the_current_assignee_announces_nothing()
    {
        var result = await _handler.Handle(new AssignConversation("conv-1", "ana", AssignmentReasons.SelfAssigned, TestData.ActorFor("ana")), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("ana", result.AssigneeId);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task Releasing_an_unassigned_conversation_announces_nothing()
    {
        _store.Add(TestData.Conversation("conv-2"));

        var result = await _handler.Handle(new AssignConversation("conv-2", null, AssignmentReasons.Manual, Lead), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task The_assignment_is_stamped_with_the_current_time()
    {
        _time.Advance(TimeSpan.FromSeconds(90));

        await _handler.Handle(new AssignConversation("conv-1", "bo", AssignmentReasons.Manual, Lead), CancellationToken.None);

        Assert.Equal(TestData.Now.AddSeconds(90), _store.LastNow);
    }

    [Fact]
    public async Task Assigning_an_unknown_conversation_returns_null_and_announces_nothing()
    {
        var result = await _handler.Handle(new AssignConversation("missing", "bo", AssignmentReasons.Manual, Lead), CancellationToken.None);

        Assert.Null(result);
        Assert.Empty(_publisher.Published);
    }
}
