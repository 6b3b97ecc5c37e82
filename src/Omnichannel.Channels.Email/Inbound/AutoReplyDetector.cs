using MimeKit;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Recognizes machine-written mail, so it is recorded but never answered automatically (two auto-responders would
/// answer each other forever) and never assigned. Returns the header that gave it away, or null for a person's mail.
/// </summary>
internal static class AutoReplyDetector
{
    public static string? Reason(MimeMessage message, MultipartReport? report)
    {
        var headers = message.Headers;

        // RFC 3834: anything but "no" (auto-generated, auto-replied, auto-notified) is automatic.
        if (Value(headers, "Auto-Submitted") is { } autoSubmitted && !Token(autoSubmitted).Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {autoSubmitted}";
        }

        foreach (var name in new[] { "X-Autoreply", "X-Autorespond" })
        {
            if (Value(headers, name) is { } value && !IsNegative(value))
            {
                return $"{name}: {value}";
            }
        }

        if (Value(headers, "Precedence") is { } precedence
            && Token(precedence).ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
        {
            return $"Precedence: {precedence}";
        }

        // Exchange marks its own automatic mail (out-of-office, receipts) asking others not to answer it.
        if (Value(headers, "X-Auto-Response-Suppress") is { } suppress && !suppress.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            return $"X-Auto-Response-Suppress: {suppress}";
        }

        if (report is not null && string.Equals(report.ReportType?.Trim(), "disposition-notification", StringComparison.OrdinalIgnoreCase))
        {
            return "read receipt (multipart/report; report-type=disposition-notification)";
        }

        return null;
    }

    private static string? Value(HeaderList headers, string name)
    {
        var value = headers[name];
        return string.IsNullOrWhiteSpace(value) ? null : InboundText.CleanSingleLine(value, 200);
    }

    /// <summary>The value before any parameters or comment: <c>auto-replied; owner-email=…</c> → <c>auto-replied</c>.</summary>
    private static string Token(string value)
    {
        var end = value.IndexOfAny([';', '(', ' ']);
        return (end < 0 ? value : value[..end]).Trim();
    }

    private static bool IsNegative(string value) => Token(value).ToLowerInvariant() is "no" or "false" or "0";
}
