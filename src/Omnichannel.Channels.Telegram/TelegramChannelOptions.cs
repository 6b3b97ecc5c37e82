using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Telegram;

/// <summary>Bound from <c>Omnichannel:Channels:Telegram</c>: any number of bots.</summary>
public sealed class TelegramChannelOptions
{
    public const string Section = "Omnichannel:Channels:Telegram";

    public List<TelegramBotOptions> Bots { get; set; } = [];

    /// <summary>How long one <c>getUpdates</c> call waits for an update (Telegram's long-poll <c>timeout</c>), 1-50 seconds.</summary>
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>
    /// How long a node's poller lease on a bot lasts without renewal: when a node dies, another starts polling after at
    /// most this long. It is renewed before every <c>getUpdates</c>, so it must outlast a long poll and a batch's work.
    /// </summary>
    public int PollerLeaseSeconds { get; set; } = 60;

    /// <summary>Largest file downloaded with <c>getFile</c>, in bytes; bigger ones are noted in the text, not kept. Telegram's cloud API serves at most 20 MB.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Attempts at sending one reply before it is marked failed (network errors, 5xx, 429).</summary>
    public int MaxSendAttempts { get; set; } = 8;

    /// <summary>Every bot's problems under <c>Bots:N:Key</c>, and names or tokens used twice.</summary>
    public IEnumerable<ValidationError> Validate()
    {
        if (PollTimeoutSeconds is < 1 or > 50)
        {
            yield return new(nameof(PollTimeoutSeconds), "must be 1-50 seconds.");
        }

        if (PollerLeaseSeconds < PollTimeoutSeconds + 5 || PollerLeaseSeconds > 3600)
        {
            yield return new(nameof(PollerLeaseSeconds), "must be at least PollTimeoutSeconds + 5 and at most 3600.");
        }

        if (MaxFileBytes is < 1 or > 2L * 1024 * 1024 * 1024)
        {
            yield return new(nameof(MaxFileBytes), "must be 1 byte to 2 GB.");
        }

        if (MaxSendAttempts is < 1 or > 50)
        {
            yield return new(nameof(MaxSendAttempts), "must be 1-50.");
        }

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var botIds = new Dictionary<long, int>();
        for (var i = 0; i < Bots.Count; i++)
        {
            var bot = Bots[i];
            foreach (var error in bot.Validate())
            {
                yield return error with { Field = $"Bots:{i}:{error.Field}" };
            }

            // Names are URL path segments, matched without regard to case.
            if (TelegramBotOptions.IsName(bot.Name) && !names.TryAdd(bot.Name, i))
            {
                yield return new($"Bots:{i}:Name", $"is already the name of Bots:{names[bot.Name]}.");
            }

            // Two pollers on one bot fight over getUpdates (Telegram answers 409 Conflict) and one webhook replaces the other.
            if (bot.BotId is { } id && !botIds.TryAdd(id, i))
            {
                yield return new($"Bots:{i}:Token", $"is for the same bot as Bots:{botIds[id]}.");
            }
        }
    }
}
