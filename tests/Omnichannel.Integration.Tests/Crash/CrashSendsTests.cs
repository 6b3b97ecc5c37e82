namespace Omnichannel.Integration.Tests.Crash;

/// <summary>The crash suite forgives a repeated reply only when a kill fell between the peer's answer and the record.</summary>
public sealed class CrashSendsTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static DateTime At(int ms) => T0.AddMilliseconds(ms);

    [Fact]
    public void A_repeat_after_the_last_send_before_a_restart_is_explained()
    {
        var judged = CrashSends.Judge([new("a", At(0)), new("b", At(10)), new("b", At(900)), new("c", At(950))], [At(500)]);

        Assert.Equal((2, true), judged["b"]);
        Assert.Equal((1, true), judged["a"]);
    }

    [Fact]
    public void A_repeat_without_a_restart_between_is_not()
    {
        var judged = CrashSends.Judge([new("b", At(10)), new("b", At(20))], [At(500)]);

        Assert.Equal((2, false), judged["b"]);
    }

    [Fact]
    public void A_repeat_whose_first_copy_the_sender_moved_on_from_is_not()
    {
        // The sender sends one reply at a time: having sent "c" after "b", it had recorded "b".
        var judged = CrashSends.Judge([new("b", At(10)), new("c", At(20)), new("b", At(900))], [At(500)]);

        Assert.Equal((2, false), judged["b"]);
    }
}
