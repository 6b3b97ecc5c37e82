using MimeKit;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Walks a MIME tree the way a mail client shows it:
/// <list type="bullet">
/// <item><c>multipart/alternative</c>: the last plain version and the last HTML version are the body (clients put the
/// richest last); files that only one version carries (a calendar invite) are kept.</item>
/// <item><c>multipart/related</c>: the root is the body, the other parts are its inline images.</item>
/// <item><c>multipart/mixed</c> and others: every inline text/plain or text/html part without a file name is body (Apple
/// Mail splits text around inline images), everything else is a file.</item>
/// <item><c>multipart/report</c>: only the first, human-readable part is body; the machine-readable rest is read by
/// <see cref="DeliveryReportReader"/>, not kept as files.</item>
/// <item>An attached message (<c>message/rfc822</c>) is a file, not body.</item>
/// </list>
/// </summary>
internal static class MimeBodyCollector
{
    /// <summary>MimeKit bounds parsing depth; messages built in code are not parsed, so the walk bounds itself too.</summary>
    private const int MaxDepth = 64;

    public static MimeBody Collect(MimeMessage message)
    {
        var body = new MimeBody();
        if (message.Body is not null)
        {
            Visit(message.Body, body, 0);
        }

        return body;
    }

    private static void Visit(MimeEntity entity, MimeBody into, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (entity)
        {
            case MultipartReport report:
                into.Report ??= report;
                if (report.Count > 0)
                {
                    Visit(report[0], into, depth + 1);
                }

                break;
            case MultipartAlternative alternative:
                VisitAlternative(alternative, into, depth);
                break;
            case MultipartRelated related:
                VisitRelated(related, into, depth);
                break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Visit(child, into, depth + 1);
                }

                break;
            case TextPart text when IsBodyText(text):
                (text.IsHtml ? into.HtmlParts : into.PlainParts).Add(text);
                break;
            case MimePart or MessagePart:
                into.Attachments.Add(entity);
                break;
        }
    }

    private static void VisitAlternative(MultipartAlternative alternative, MimeBody into, int depth)
    {
        var versions = alternative.Select(child =>
        {
            var version = new MimeBody();
            Visit(child, version, depth + 1);
            return version;
        }).ToList();

        var plain = versions.LastOrDefault(v => v.PlainParts.Count > 0);
        var html = versions.LastOrDefault(v => v.HtmlParts.Count > 0);
        if (plain is not null)
        {
            into.PlainParts.AddRange(plain.PlainParts);
        }

        if (html is not null)
        {
            into.HtmlParts.AddRange(html.HtmlParts);
        }

        foreach (var version in versions)
        {
            if (version == plain || version == html || !version.HasText)
            {
                into.Attachments.AddRange(version.Attachments);
                into.Report ??= version.Report;
            }
        }
    }

    private static void VisitRelated(MultipartRelated related, MimeBody into, int depth)
    {
        var root = related.Root;
        foreach (var child in related)
        {
            if (child == root)
            {
                Visit(child, into, depth + 1);
            }
            else if (child is MimePart or MessagePart)
            {
                into.Attachments.Add(child);
            }
            else
            {
                Visit(child, into, depth + 1);
            }
        }
    }

    private static bool IsBodyText(TextPart text) =>
        (text.IsPlain || text.IsHtml) && !text.IsAttachment && string.IsNullOrEmpty(text.FileName);
}
