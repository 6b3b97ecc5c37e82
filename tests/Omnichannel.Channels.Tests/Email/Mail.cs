using System.Text;
using MimeKit;
using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Core.Features;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>Parses sample mail and maps it the way the IMAP ingest will.</summary>
internal static class Mail
{
    public const string Account = "support";
    public const string Queue = "tier1";

    /// <summary>Parses a sample written with \n line ends (as in the test files) as the CRLF mail it stands for.</summary>
    public static MimeMessage Parse(string raw) => ParseBytes(Encoding.UTF8.GetBytes(Crlf(raw)));

    /// <summary>For samples with 8-bit bytes in a legacy charset: each char of <paramref name="raw"/> is one byte.</summary>
    public static MimeMessage ParseLatin1(string raw) => ParseBytes(Encoding.Latin1.GetBytes(Crlf(raw)));

    public static MimeMessage ParseBytes(byte[] bytes) => EmailMessageParser.Parse(new MemoryStream(bytes));

    public static Task<EmailMappedMessage> MapAsync(string raw, EmailMappingOptions? options = null, RecordingAttachmentSink? sink = null) =>
        MapAsync(Parse(raw), options, sink);

    public static async Task<EmailMappedMessage> MapAsync(
        MimeMessage message,
        EmailMappingOptions? options = null,
        RecordingAttachmentSink? sink = null)
    {
        var result = await MapResultAsync(message, options, sink);
        var mapped = Assert.IsType<EmailMappedMessage>(result);

        // Whatever the mail held, Core must accept the message as it is.
        Assert.Empty(new IngestMessage(mapped.Message).Validate());
        return mapped;
    }

    public static Task<EmailMappingResult> MapResultAsync(
        MimeMessage message,
        EmailMappingOptions? options = null,
        RecordingAttachmentSink? sink = null) =>
        new EmailMessageMapper(options).MapAsync(message, Account, Queue, sink ?? new RecordingAttachmentSink());

    public static string Crlf(string raw) => raw.ReplaceLineEndings("\r\n");
}
