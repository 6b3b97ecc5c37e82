using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Omnichannel.Channels.Email.Inbound;
using Omnichannel.Core.Validation;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>
/// The MIME part of the hostile-input corpus (<c>tests/hostile/mime/cases.jsonl</c>): traversal in file names, active
/// HTML, control characters, broken structure and bombs. Each mail maps to a message Core accepts (or is rejected for
/// having no sender) with plain file names, inert HTML and clean text, within a time bound.
/// </summary>
public class HostileMimeCorpusTests
{
    private static readonly Lazy<Dictionary<string, JsonObject>> Cases = new(Load);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hostile_mail_maps_to_a_harmless_message(string name)
    {
        var spec = Cases.Value[name];
        var sink = new RecordingAttachmentSink();
        var clock = Stopwatch.StartNew();
        var result = await Mail.MapResultAsync(Mail.ParseBytes(Raw(spec)), sink: sink);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{name} took {clock.Elapsed}");

        if ((string?)spec["expect"] == "rejected")
        {
            Assert.IsType<EmailRejectedMessage>(result);
            return;
        }

        var mapped = Assert.IsType<EmailMappedMessage>(result);
        var message = mapped.Message;
        Assert.Empty(new Core.Features.IngestMessage(message).Validate());
        Assert.False(TextRules.HasControlCharacters(message.Text), $"{name}: control characters in the text");
        Assert.False(message.Subject?.Any(char.IsControl) ?? false, $"{name}: control characters in the subject");
        HtmlInertness.AssertInert(message.Html);
        foreach (var file in sink.Saved.Select(s => s.FileName).Concat(message.Attachments.Select(a => a.FileName)))
        {
            Assert.False(file.Contains('/') || file.Contains('\\') || file.Contains("..", StringComparison.Ordinal)
                || file.Any(char.IsControl) || file.Length is 0 or > 255, $"{name}: attachment named \"{file}\"");
        }
    }

    private static byte[] Raw(JsonObject spec)
    {
        if ((string?)spec["eml"] is { } eml)
        {
            return Encoding.UTF8.GetBytes(Mail.Crlf(eml));
        }

        var generate = spec["generate"]!.AsObject();
        var head = "From: Eve <eve@example.test>\r\nTo: support@example.test\r\nMessage-ID: <gen@example.test>\r\nSubject: bomb\r\n"
            + "MIME-Version: 1.0\r\n";
        var mail = new StringBuilder(head);
        switch ((string?)generate["kind"])
        {
            case "nested":
                var depth = (int)generate["depth"]!;
                for (var i = 0; i < depth; i++)
                {
                    mail.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n--b").Append(i).Append("\r\n");
                }

                mail.Append("Content-Type: text/plain\r\n\r\ndeep inside\r\n");
                for (var i = depth - 1; i >= 0; i--)
                {
                    mail.Append("--b").Append(i).Append("--\r\n");
                }

                break;
            case "parts":
                mail.Append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
                for (var i = 0; i < (int)generate["count"]!; i++)
                {
                    mail.Append("--b\r\nContent-Type: text/plain\r\n\r\npart ").Append(i).Append("\r\n");
                }

                mail.Append("--b--\r\n");
                break;
            case "attachment":
                mail.Append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nbig file\r\n")
                    .Append("--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\n")
                    .Append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .Append(Convert.ToBase64String(new byte[(int)generate["bytes"]!], Base64FormattingOptions.InsertLineBreaks))
                    .Append("\r\n--b--\r\n");
                break;
            case "deep-html":
                var levels = (int)generate["depth"]!;
                mail.Append("Content-Type: text/html\r\n\r\n").Insert(mail.Length, "<div>", levels).Append("deep text")
                    .Insert(mail.Length, "</div>", levels).Append("\r\n");
                break;
            case "long-header":
                mail.Append("X-Long: ").Append('a', (int)generate["bytes"]!).Append("\r\nContent-Type: text/plain\r\n\r\nhi\r\n");
                break;
            default:
                throw new InvalidDataException("unknown generator " + generate["kind"]);
        }

        return Encoding.UTF8.GetBytes(mail.ToString());
    }

    private static Dictionary<string, JsonObject> Load()
    {
        var cases = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(CorpusFolder(), "cases.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var spec = JsonNode.Parse(line)!.AsObject();
            Assert.True(cases.TryAdd((string)spec["name"]!, spec), $"the name {spec["name"]} is used twice");
        }

        return cases;
    }

    private static string CorpusFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "hostile", "mime");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/hostile/mime was not found above " + AppContext.BaseDirectory);
    }
}
