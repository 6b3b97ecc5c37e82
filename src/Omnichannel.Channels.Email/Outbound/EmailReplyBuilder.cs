using System.Net;
using MimeKit;
using Omnichannel.Channels.Email.Hosting;

namespace Omnichannel.Channels.Email.Outbound;

/// <summary>
/// Builds the reply a customer's mail client threads: <c>In-Reply-To</c> their latest message, <c>References</c> the
/// thread, <c>Re:</c> subject, our Message-ID, the agent's name in From with the mailbox's address, text and HTML parts.
/// </summary>
internal static class EmailReplyBuilder
{
    private const int MaxReferences = 20;

    public static MimeMessage Build(EmailMailboxOptions mailbox, EmailReplyContext context, string text)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(DisplayName(mailbox, context.AgentName), mailbox.FromAddress));
        message.To.Add(new MailboxAddress(context.ToName ?? "", context.ToAddress));
        message.Subject = ReplySubject(context.Subject);
        message.MessageId = context.MessageId;
        message.Date = context.Date;
        if (context.InReplyTo is { } parent)
        {
            message.InReplyTo = parent;
        }

        var references = context.References.ToList();
        if (context.InReplyTo is { } last && (references.Count == 0 || references[^1] != last))
        {
            references.Remove(last);
            references.Add(last);
        }

        // The root and the latest ones: what threading needs, without an ever-growing header.
        var kept = references.Count <= MaxReferences ? references : [references[0], .. references[^(MaxReferences - 1)..]];
        foreach (var id in kept)
        {
            message.References.Add(id);
        }

        var body = new BodyBuilder { TextBody = text, HtmlBody = Html(text) };
        message.Body = body.ToMessageBody();
        return message;
    }

    public static string ReplySubject(string? subject)
    {
        var trimmed = subject?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return "Re: your message";
        }

        return trimmed.StartsWith("re:", StringComparison.OrdinalIgnoreCase) ? trimmed : "Re: " + trimmed;
    }

    private static string DisplayName(EmailMailboxOptions mailbox, string? agent) =>
        (string.IsNullOrWhiteSpace(agent), string.IsNullOrWhiteSpace(mailbox.FromName)) switch
        {
            (false, false) => $"{agent!.Trim()} ({mailbox.FromName!.Trim()})",
            (false, true) => agent!.Trim(),
            (true, false) => mailbox.FromName!.Trim(),
            _ => "",
        };

    private static string Html(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => "<p>" + WebUtility.HtmlEncode(p.Trim('\n')).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>");
        return "<!DOCTYPE html><html><body>" + string.Concat(paragraphs) + "</body></html>";
    }
}
