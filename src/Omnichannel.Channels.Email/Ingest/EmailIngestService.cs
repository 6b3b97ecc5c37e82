using Mediator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Ports;

namespace Omnichannel.Channels.Email.Ingest;

/// <summary>One <see cref="ImapMailboxPoller"/> per configured mailbox; nothing at all without mailboxes.</summary>
internal sealed class EmailIngestService(
    IOptions<EmailChannelOptions> options,
    ISender mediator,
    IMailboxStateStore state,
    IBlobStore blobs,
    InboundQuarantine quarantine,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<ImapMailboxPoller>();
        var pollers = options.Value.Mailboxes
            .Select(mailbox => new ImapMailboxPoller(mailbox, mediator, state, blobs, quarantine, time, logger))
            .Select(poller => Task.Run(() => poller.RunAsync(stoppingToken), CancellationToken.None));
        return Task.WhenAll(pollers);
    }
}
