using Omnichannel.Core.Ports;

namespace Omnichannel.Core.Tests.Features;

public sealed class OutboundRetryTests
{
    private static readonly OutboundRetry Email = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10), 8);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(8, 600)]
    [InlineData(40, 600)]
    public void The_wait_doubles_from_the_first_up_to_the_cap(int attempt, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Email.Delay(attempt, jitter: 0));

    [Fact]
    public void Jitter_adds_at_most_a_fifth()
    {
        Assert.Equal(TimeSpan.FromSeconds(12), Email.Delay(2, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(11), Email.Delay(2, jitter: 0.5));
    }
}
