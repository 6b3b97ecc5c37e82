using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Channels.Email.Ingest;
using Omnichannel.Channels.Email.Outbound;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Hosting;

public static class EmailChannelRegistration
{
    /// <summary>
    /// The email channel: one IMAP poller per configured mailbox and its part in sending replies (EmailOutboundChannel; the server runs the one outbox sender). Needs the store
    /// (<c>IMailboxStateStore</c>, <c>IOutboundQueue</c>), the blob store and the mediator. No mailboxes: nothing runs.
    /// </summary>
    public static IHostApplicationBuilder AddEmailChannel(this IHostApplicationBuilder builder)
    {
        EmailCodePages.EnsureRegistered();
        builder.Services.AddOptions<EmailChannelOptions>().BindConfiguration(EmailChannelOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailChannelOptions>, EmailChannelOptionsValidator>();
        builder.Services.AddSingleton<EmailContinuity>();
        builder.Services.AddHostedService<EmailIngestService>();
        builder.Services.AddSingleton<IQuarantineReplayer, EmailQuarantineReplayer>();
        builder.Services.AddSingleton<IOutboundChannel, EmailOutboundChannel>();
        return builder;
    }

    private sealed class EmailChannelOptionsValidator : IValidateOptions<EmailChannelOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailChannelOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
