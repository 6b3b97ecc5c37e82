using Microsoft.Extensions.Options;

namespace Omnichannel.Channels.Telegram;

/// <summary>Every problem of the Telegram section at once, each naming its full key.</summary>
internal sealed class TelegramChannelOptionsValidator : IValidateOptions<TelegramChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramChannelOptions options)
    {
        var errors = options.Validate().Select(e => $"{TelegramChannelOptions.Section}:{e.Field} {e.Message}").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
