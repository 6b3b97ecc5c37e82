namespace Omnichannel.Channels.Email.Hosting;

/// <summary>Bound from <c>Omnichannel:Channels:Email</c>. No mailboxes: the channel does nothing.</summary>
public sealed class EmailChannelOptions
{
    public const string Section = "Omnichannel:Channels:Email";

    public List<EmailMailboxOptions> Mailboxes { get; set; } = [];

    /// <summary>Attempts at sending one reply before it is marked failed.</summary>
    public int MaxSendAttempts { get; set; } = 8;

    internal IEnumerable<string> Problems()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Mailboxes.Count; i++)
        {
            foreach (var problem in Mailboxes[i].Problems())
            {
                yield return $"{Section}:Mailboxes:{i}:{problem}";
            }

            if (!names.Add(Mailboxes[i].Name))
            {
                yield return $"{Section}:Mailboxes:{i}:Name \"{Mailboxes[i].Name}\" is used twice.";
            }
        }

        if (MaxSendAttempts is < 1 or > 50)
        {
            yield return $"{Section}:MaxSendAttempts must be between 1 and 50.";
        }
    }
}
