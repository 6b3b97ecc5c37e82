using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Telegram;

/// <summary>Bound from <c>Omnichannel:Channels:Telegram</c>: any number of bots.</summary>
public sealed class TelegramChannelOptions
{
    public const string Section = "Omnichannel:Channels:Telegram";

    public List<TelegramBotOptions> Bots { get; set; } = [];

    /// <summary>Every bot's problems under <c>Bots:N:Key</c>, and names or tokens used twice.</summary>
    public IEnumerable<ValidationError> Validate()
    {
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
