using Omnichannel.Channels.Email.Hosting;

namespace Omnichannel.Channels.Tests.Email;

public sealed class EmailMailboxOptionsTests
{
    private static EmailMailboxOptions Valid() => new()
    {
        Name = "support",
        ImapHost = "imap.example.test",
        Username = "support@example.test",
        FromAddress = "support@example.test",
    };

    [Fact]
    public void A_complete_mailbox_has_no_problems() => Assert.Empty(Valid().Problems());

    [Theory]
    [InlineData("00:00:02")]
    [InlineData("01:00:01")]
    public void A_lease_shorter_than_3_seconds_or_longer_than_an_hour_is_refused(string lifetime)
    {
        var options = Valid();
        options.LeaseLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("LeaseLifetime must be 3 seconds to 1 hour.", options.Problems());
    }
}
