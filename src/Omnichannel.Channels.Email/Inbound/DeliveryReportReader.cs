using System.Text.RegularExpressions;
using MimeKit;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// Reads a bounce: a <c>multipart/report; report-type=delivery-status</c> (RFC 3464), whose parts are a human-readable
/// text, a <c>message/delivery-status</c> with one field group per recipient, and the returned message or its headers.
/// </summary>
internal static partial class DeliveryReportReader
{
    private static readonly HashSet<string> NonFailureActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "delayed", "delivered", "relayed", "expanded",
    };

    public static EmailDeliveryReport? Read(MultipartReport? report, int maxBodyBytes)
    {
        if (report is null || !string.Equals(report.ReportType?.Trim(), "delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? originalMessageId = null;
        var actions = new List<string>();
        var failed = new List<string>();
        string? status = null;
        string? diagnostic = null;

        foreach (var part in report.Skip(1))
        {
            switch (part)
            {
                case MessageDeliveryStatus deliveryStatus:
                    // The first group describes the whole message (Reporting-MTA, Arrival-Date); the others one recipient each.
                    foreach (var recipient in deliveryStatus.StatusGroups.Skip(1))
                    {
                        var action = Field(recipient, "Action");
                        if (action is not null)
                        {
                            actions.Add(action);
                        }

                        if (string.Equals(action, "failed", StringComparison.OrdinalIgnoreCase)
                            && Address(Field(recipient, "Final-Recipient") ?? Field(recipient, "Original-Recipient")) is { } address)
                        {
                            failed.Add(address);
                        }

                        status ??= Field(recipient, "Status");
                        diagnostic ??= Field(recipient, "Diagnostic-Code");
                    }

                    break;
                case MessagePart { Message: { } returned }:
                    // message/rfc822 (the whole message) and text/rfc822-headers (its headers) both parse to a message.
                    originalMessageId ??= EmailExternalId.CleanMessageId(returned.MessageId);
                    break;
                case TextPart text:
                    originalMessageId ??= MessageIdIn(TextPartReader.Read(text, maxBodyBytes).Text);
                    break;
            }
        }

        // Some servers put the returned headers in the human-readable part instead.
        if (originalMessageId is null && report.Count > 0 && report[0] is TextPart readable)
        {
            originalMessageId = MessageIdIn(TextPartReader.Read(readable, maxBodyBytes).Text);
        }

        var isFailure = actions.Count == 0 || actions.Any(a => !NonFailureActions.Contains(a));
        return new EmailDeliveryReport(originalMessageId, isFailure, failed, status, diagnostic);
    }

    private static string? Field(HeaderList fields, string name)
    {
        var value = fields[name]?.Trim();
        return string.IsNullOrEmpty(value) ? null : InboundText.CleanSingleLine(value, 1000);
    }

    /// <summary><c>rfc822; Ana@Example.com</c> → <c>ana@example.com</c>.</summary>
    private static string? Address(string? recipientField)
    {
        if (recipientField is null)
        {
            return null;
        }

        var semicolon = recipientField.IndexOf(';', StringComparison.Ordinal);
        var address = recipientField[(semicolon + 1)..].Trim().Trim('<', '>').ToLowerInvariant();
        return address.Length == 0 ? null : address;
    }

    private static string? MessageIdIn(string text) =>
        MessageIdHeader().Match(text) is { Success: true } match ? EmailExternalId.CleanMessageId(match.Groups[1].Value) : null;

    [GeneratedRegex(@"^\s*Message-ID:\s*<([^<>\s]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MessageIdHeader();
}
