using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

public class EmailAttachmentLimitTests
{
    private static readonly EmailMappingOptions OneKilobyte = new() { MaxAttachmentBytes = 1024 };

    [Fact]
    public async Task An_attachment_over_the_limit_is_skipped_and_named_in_the_text_the_metadata_and_the_notes()
    {
        var sink = new RecordingAttachmentSink();
        var mapped = await Mail.MapAsync(WithFiles(("small.txt", 100), ("big.zip", 5000)), OneKilobyte, sink);

        Assert.Equal(["small.txt"], sink.Saved.Select(s => s.FileName));
        Assert.Equal(100, sink.Saved[0].Bytes.Length);
        Assert.Equal(["small.txt"], mapped.Message.Attachments.Select(a => a.FileName));
        Assert.Equal(
            "Please see the files.\n\n[Attachment not stored: \"big.zip\" (4 KB) is larger than the 1 KB limit.]",
            mapped.Message.Text);
        var skipped = Assert.Single(mapped.Metadata.SkippedAttachments);
        Assert.Equal(("big.zip", "application/zip"), (skipped.FileName, skipped.ContentType));
        Assert.Equal(5000, skipped.Size);
        Assert.Contains(mapped.Notes, note => note.Contains("big.zip", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public async Task The_limit_is_on_the_decoded_size(int size, bool stored)
    {
        var sink = new RecordingAttachmentSink();
        var mapped = await Mail.MapAsync(WithFiles(("edge.bin", size)), OneKilobyte, sink);

        Assert.Equal(stored, sink.Saved.Count == 1);
        Assert.Equal(stored, mapped.Metadata.SkippedAttachments.Count == 0);
    }

    [Fact]
    public async Task A_mail_whose_only_file_was_skipped_still_has_text()
    {
        var mapped = await Mail.MapAsync(WithFiles(("big.zip", 5000)).Replace("Please see the files.", ""), OneKilobyte);

        Assert.Equal("[Attachment not stored: \"big.zip\" (4 KB) is larger than the 1 KB limit.]", mapped.Message.Text);
        Assert.Empty(mapped.Message.Attachments);
    }

    [Fact]
    public async Task An_attached_message_over_the_limit_is_skipped_too()
    {
        var forwarded = $"From: a@example.com\nMessage-ID: <fwd@x>\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: text/plain\n\nForwarding.\n--b\nContent-Type: message/rfc822\n\n"
            + $"From: b@example.com\nSubject: Old\n\n{new string('x', 3000)}\n--b--\n";

        var mapped = await Mail.MapAsync(forwarded, OneKilobyte);

        Assert.Empty(mapped.Message.Attachments);
        Assert.Equal("Old.eml", Assert.Single(mapped.Metadata.SkippedAttachments).FileName);
    }

    [Fact]
    public async Task A_20_MB_attachment_parsed_from_a_file_is_skipped_without_being_loaded()
    {
        var path = Path.GetTempFileName();
        try
        {
            await WriteMailWithLargeAttachmentAsync(path, 20 * 1024 * 1024);
            await using var file = File.OpenRead(path);
            var message = await EmailMessageParser.ParseAsync(file, persistent: true);
            var sink = new RecordingAttachmentSink();

            var before = GC.GetAllocatedBytesForCurrentThread();
            var mapped = await Mail.MapAsync(message, sink: sink);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Empty(sink.Saved);
            var skipped = Assert.Single(mapped.Metadata.SkippedAttachments);
            Assert.Equal("backup.tar", skipped.FileName);
            Assert.Equal(20 * 1024 * 1024, skipped.Size);
            Assert.Equal(
                "Here is the backup you asked for.\n\n[Attachment not stored: \"backup.tar\" (20 MB) is larger than the 10 MB limit.]",
                mapped.Message.Text);

            // Measuring streams the file through a small buffer; it is never held whole (20 MB) in memory.
            Assert.True(allocated < 4 * 1024 * 1024, $"mapping allocated {allocated} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_large_attachment_under_the_limit_reaches_the_sink_intact()
    {
        var sink = new RecordingAttachmentSink();
        await Mail.MapAsync(WithFiles(("photo.jpg", 300_000)), sink: sink);

        var saved = Assert.Single(sink.Saved);
        Assert.Equal(Content(300_000), saved.Bytes);
    }

    /// <summary>A mail with base64 files of the given decoded sizes.</summary>
    private static string WithFiles(params (string Name, int Size)[] files)
    {
        var mail = "From: a@example.com\nMessage-ID: <files@x>\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
            + "--b\nContent-Type: text/plain\n\nPlease see the files.\n";
        foreach (var (name, size) in files)
        {
            var type = Path.GetExtension(name) switch { ".zip" => "application/zip", ".jpg" => "image/jpeg", _ => "application/octet-stream" };
            mail += $"--b\nContent-Type: {type}\nContent-Disposition: attachment; filename=\"{name}\"\n"
                + $"Content-Transfer-Encoding: base64\n\n{Convert.ToBase64String(Content(size), Base64FormattingOptions.InsertLineBreaks)}\n";
        }

        return mail + "--b--\n";
    }

    private static byte[] Content(int size) => Enumerable.Range(0, size).Select(i => (byte)(i * 31 % 251)).ToArray();

    private static async Task WriteMailWithLargeAttachmentAsync(string path, int size)
    {
        await using var writer = new StreamWriter(path) { NewLine = "\r\n" };
        await writer.WriteAsync(Mail.Crlf("""
            From: Ops <ops@example.com>
            To: support@company.example
            Subject: Backup
            Message-ID: <backup-1@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Here is the backup you asked for.
            --b
            Content-Type: application/x-tar; name="backup.tar"
            Content-Disposition: attachment; filename="backup.tar"
            Content-Transfer-Encoding: base64


            """));

        var chunk = new byte[57 * 1000];
        Random.Shared.NextBytes(chunk);
        for (var written = 0; written < size; written += chunk.Length)
        {
            var count = Math.Min(chunk.Length, size - written);
            for (var offset = 0; offset < count; offset += 57)
            {
                await writer.WriteLineAsync(Convert.ToBase64String(chunk, offset, Math.Min(57, count - offset)));
            }
        }

        await writer.WriteAsync("--b--\r\n");
    }
}
