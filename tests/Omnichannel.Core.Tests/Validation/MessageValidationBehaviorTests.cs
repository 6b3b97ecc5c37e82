using Omnichannel.Core.Features;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Tests.TestDoubles;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Validation;

public class MessageValidationBehaviorTests
{
    private static readonly Actor Ana = TestData.ActorFor("ana");

    [Fact]
    public async Task An_invalid_request_is_rejected_with_its_errors_before_the_handler_runs()
    {
        var behavior = new MessageValidationBehavior<IngestMessage, IngestResult>([]);
        var request = new IngestMessage(TestData.Inbound() with { Channel = "", Queue = "no spaces allowed" });
        var calls = 0;

        var thrown = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(request, (_, _) => { calls++; return ValueTask.FromResult(Result()); }, CancellationToken.None));

        Assert.Equal(0, calls);
        Assert.Equal(request.Validate().ToList(), thrown.Errors);
        Assert.Equal(["channel", "queue"], thrown.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task A_reply_without_text_never_reaches_the_handler()
    {
        var behavior = new MessageValidationBehavior<SendReply, AppendResult?>([]);
        var calls = 0;

        var thrown = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(new SendReply("conv-1", Ana, "  "), (_, _) => { calls++; return ValueTask.FromResult<AppendResult?>(null); }, CancellationToken.None));

        Assert.Equal(0, calls);
        Assert.Equal(new ValidationError("text", "is required."), Assert.Single(thrown.Errors));
    }

    [Fact]
    public async Task A_valid_request_is_passed_to_the_handler_once_and_its_response_returned()
    {
        var behavior = new MessageValidationBehavior<IngestMessage, IngestResult>([]);
        var request = new IngestMessage(TestData.Inbound());
        var expected = Result();
        var seen = new List<IngestMessage>();

        var response = await behavior.Handle(request, (m, _) => { seen.Add(m); return ValueTask.FromResult(expected); }, CancellationToken.None);

        Assert.Same(expected, response);
        Assert.Same(request, Assert.Single(seen));
    }

    [Fact]
    public async Task A_request_that_cannot_validate_itself_is_passed_through()
    {
        var behavior = new MessageValidationBehavior<ChangeStatus, StatusChangeResult?>([]);
        var request = new ChangeStatus("conv-1", ConversationStatus.Resolved, null, Ana);
        var calls = 0;

        var response = await behavior.Handle(request, (_, _) => { calls++; return ValueTask.FromResult<StatusChangeResult?>(null); }, CancellationToken.None);

        Assert.Null(response);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task The_cancellation_token_reaches_the_handler()
    {
        var behavior = new MessageValidationBehavior<AddPrivateNote, AppendResult?>([]);
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;

        await behavior.Handle(new AddPrivateNote("conv-1", Ana, "note"), (_, ct) => { seen = ct; return ValueTask.FromResult<AppendResult?>(null); }, cancellation.Token);

        Assert.Equal(cancellation.Token, seen);
    }

    [Fact]
    public async Task Store_checks_never_see_a_request_whose_own_checks_fail()
    {
        var storeCheck = new FixedValidator([new("queue", "no such queue.")]);
        var behavior = new MessageValidationBehavior<IngestMessage, IngestResult>([storeCheck]);
        var request = new IngestMessage(TestData.Inbound() with { Channel = "" });

        var thrown = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(request, (_, _) => ValueTask.FromResult(Result()), CancellationToken.None));

        Assert.Equal(["channel"], thrown.Errors.Select(e => e.Field));
        Assert.Empty(storeCheck.Seen);
    }

    [Fact]
    public async Task Every_store_checks_errors_are_refused_together_before_the_handler_runs()
    {
        var first = new FixedValidator([new("queue", "no such queue.")]);
        var second = new FixedValidator([new("contact", "no such contact.")]);
        var behavior = new MessageValidationBehavior<IngestMessage, IngestResult>([first, second]);
        var request = new IngestMessage(TestData.Inbound());
        var calls = 0;

        var thrown = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(request, (_, _) => { calls++; return ValueTask.FromResult(Result()); }, CancellationToken.None));

        Assert.Equal(0, calls);
        Assert.Equal(["queue", "contact"], thrown.Errors.Select(e => e.Field));
        Assert.Same(request, Assert.Single(second.Seen));
    }

    [Fact]
    public async Task A_request_its_store_checks_accept_reaches_the_handler()
    {
        var behavior = new MessageValidationBehavior<IngestMessage, IngestResult>([new FixedValidator([])]);
        var expected = Result();

        var response = await behavior.Handle(new IngestMessage(TestData.Inbound()), (_, _) => ValueTask.FromResult(expected), CancellationToken.None);

        Assert.Same(expected, response);
    }

    private static IngestResult Result() => new("conv-1", "msg-1", "contact-1", false, true, false, 1);

    private sealed class FixedValidator(IReadOnlyList<ValidationError> errors) : IRequestValidator<IngestMessage>
    {
        public List<IngestMessage> Seen { get; } = [];

        public ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(IngestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request);
            return ValueTask.FromResult(errors);
        }
    }
}
