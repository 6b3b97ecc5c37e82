using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Channels.Email.Ingest;

namespace Omnichannel.Channels.Email.Outbound;

/// <summary>One mail over SMTP with the mailbox's settings (AUTH, STARTTLS/TLS): null when the server took it.</summary>
internal static class SmtpDelivery
{

    public static async Task<SmtpSendError?> SendAsync(EmailMailboxOptions mailbox, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await client.ConnectAsync(mailbox.SmtpHost, mailbox.SmtpPort, ImapMailboxPoller.Socket(mailbox.SmtpSecurity), timeout.Token);
            if (!string.IsNullOrEmpty(mailbox.EffectiveSmtpUsername) && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                await client.AuthenticateAsync(mailbox.EffectiveSmtpUsername, mailbox.EffectiveSmtpPassword, timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(true, timeout.Token);
            return null;
        }
        catch (SmtpCommandException ex)
        {
            // 5xx is the server's final word on this message (unknown recipient, rejected content); 4xx may pass later.
            var reason = $"The SMTP server answered {(int)ex.StatusCode}: {ex.Message}";
            return new SmtpSendError(reason, (int)ex.StatusCode >= 500 && ex.ErrorCode != SmtpErrorCode.UnexpectedStatusCode);
        }
        catch (AuthenticationException ex)
        {
            return new SmtpSendError($"The SMTP server refused the login of {mailbox.EffectiveSmtpUsername}: {ex.Message}", false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SslHandshakeException
            or ServiceNotConnectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SmtpSendError($"The SMTP server {mailbox.SmtpHost}:{mailbox.SmtpPort} could not be reached: {ex.Message}", false);
        }
    }
}
