using Omnichannel.Core.Features;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Tests.TestDoubles;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Features;

public class IngestMessageValidationTests
{
    private const int Iterations = 500;

    private static readonly AttachmentInfo Invoice = new("att-1", "invoice.pdf", "application/pdf", 1234, "blob/att-1");

    [Fact]
    public void A_valid_message_has_no_errors()
    {
        Assert.Empty(new IngestMessage(TestData.Inbound()).Validate());
    }

    [Fact]
    public void A_message_needs_text_when_it_has_no_attachments()
    {
        var errors = new IngestMessage(TestData.Inbound() with { Text = " \n " }).Validate();

        Assert.Equal(new ValidationError("text", "is required when there are no attachments."), Assert.Single(errors));
    }

    [Fact]
    public void A_message_with_attachments_may_have_no_text()
    {
        Assert.Empty(new IngestMessage(TestData.Inbound() with { Text = "", Attachments = [Invoice] }).Validate());
    }

    [Fact]
    public void Optional_fields_may_be_left_out()
    {
        var bare = TestData.Inbound() with { SenderName = null, Subject = null, ThreadKey = null, OtherIdentities = [] };

        Assert.Empty(new IngestMessage(bare).Validate());
    }

    [Theory]
    [InlineData("channel", "empty")]
    [InlineData("channel", "too long")]
    [InlineData("channel", "control character")]
    [InlineData("account", "blank")]
    [InlineData("account", "too long")]
    [InlineData("sourceId", "empty")]
    [InlineData("sourceId", "too long")]
    [InlineData("sourceId", "lone surrogate")]
    [InlineData("contact.identifier", "empty")]
    [InlineData("contact.identifier", "malformed email")]
    [InlineData("contact.identifier", "control character")]
    [InlineData("contact.identifier.kind", "uppercase")]
    [InlineData("contact.identities[1]", "malformed email")]
    [InlineData("contact.identities[0].kind", "blank")]
    [InlineData("contact.name", "too long")]
    [InlineData("contact.name", "line break")]
    [InlineData("text", "empty")]
    [InlineData("text", "too long")]
    [InlineData("text", "nul")]
    [InlineData("text", "lone surrogate")]
    [InlineData("subject", "too long")]
    [InlineData("subject", "header injection")]
    [InlineData("threadKey", "too long")]
    [InlineData("threadKey", "lone surrogate")]
    [InlineData("queue", "empty")]
    [InlineData("queue", "spaces")]
    [InlineData("queue", "too long")]
    [InlineData("queue", "key separator")]
    public void Each_error_names_the_field_that_is_wrong(string field, string how)
    {
        var errors = new IngestMessage(Broken(field, how)).Validate().ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(field, e.Field));
    }

    [Fact]
    public void Every_wrong_field_is_reported_at_once()
    {
        var message = TestData.Inbound() with
        {
            Channel = "",
            Account = "",
            ExternalId = "",
            Sender = new ContactIdentity("email", "nobody"),
            Text = "",
            Queue = "",
        };

        var fields = new IngestMessage(message).Validate().Select(e => e.Field).ToList();

        Assert.Equal(["channel", "account", "sourceId", "contact.identifier", "text", "queue"], fields);
    }

    [Fact]
    public void Random_valid_messages_have_no_errors()
    {
        for (var seed = 0; seed < Iterations; seed++)
        {
            var message = new RandomInbound(seed).Message();

            var errors = new IngestMessage(message).Validate().ToList();

            Assert.True(errors.Count == 0, $"seed {seed}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void Breaking_any_one_field_of_a_random_valid_message_is_reported_on_that_field_only()
    {
        for (var seed = 0; seed < Iterations; seed++)
        {
            var generator = new RandomInbound(seed);
            var (message, field) = BreakOneField(generator, generator.Message());

            var errors = new IngestMessage(message).Validate().ToList();

            Assert.True(errors.Count > 0, $"seed {seed}: breaking {field} went unnoticed");
            Assert.True(errors.All(e => e.Field == field), $"seed {seed}: broke {field}, got {string.Join("; ", errors)}");
        }
    }

    private static InboundMessage Broken(string field, string how)
    {
        var valid = TestData.Inbound();
        return (field, how) switch
        {
            ("channel", "empty") => valid with { Channel = "" },
            ("channel", "too long") => valid with { Channel = new string('c', 33) },
            ("channel", "control character") => valid with { Channel = "em\u0001ail" },
            ("account", "blank") => valid with { Account = "   " },
            ("account", "too long") => valid with { Account = new string('a', 201) },
            ("sourceId", "empty") => valid with { ExternalId = "" },
            ("sourceId", "too long") => valid with { ExternalId = new string('s', TextRules.MaxIdentifierLength + 1) },
            ("sourceId", "lone surrogate") => valid with { ExternalId = "msg-\ud800" },
            ("contact.identifier", "empty") => valid with { Sender = new ContactIdentity("email", "") },
            ("contact.identifier", "malformed email") => valid with { Sender = new ContactIdentity("email", "ana.example.test") },
            ("contact.identifier", "control character") => valid with { Sender = new ContactIdentity("email", "ana@exa\u0001mple.test") },
            ("contact.identifier.kind", "uppercase") => valid with { Sender = new ContactIdentity("Email", "ana@example.test") },
            ("contact.identities[1]", "malformed email") => valid with
            {
                OtherIdentities = [new ContactIdentity("telegram", "4242"), new ContactIdentity("email", "not-an-address")],
            },
            ("contact.identities[0].kind", "blank") => valid with { OtherIdentities = [new ContactIdentity(" ", "4242")] },
            ("contact.name", "too long") => valid with { SenderName = new string('n', TextRules.MaxNameLength + 1) },
            ("contact.name", "line break") => valid with { SenderName = "Ana\nSilva" },
            ("text", "empty") => valid with { Text = "", Attachments = [] },
            ("text", "too long") => valid with { Text = new string('t', TextRules.MaxMessageLength + 1) },
            ("text", "nul") => valid with { Text = "hello\0world" },
            ("text", "lone surrogate") => valid with { Text = "hello \udc00 world" },
            ("subject", "too long") => valid with { Subject = new string('s', 999) },
            ("subject", "header injection") => valid with { Subject = "Hello\r\nBcc: everyone@example.test" },
            ("threadKey", "too long") => valid with { ThreadKey = new string('k', TextRules.MaxIdentifierLength + 1) },
            ("threadKey", "lone surrogate") => valid with { ThreadKey = "thread-\ud83d" },
            ("queue", "empty") => valid with { Queue = "" },
            ("queue", "spaces") => valid with { Queue = "first line" },
            ("queue", "too long") => valid with { Queue = new string('q', 65) },
            ("queue", "key separator") => valid with { Queue = "billing:vip" },
            _ => throw new ArgumentOutOfRangeException(nameof(how), $"{field}/{how}"),
        };
    }

    // Each way of breaking a field keeps every other field valid, so the error must land on that field alone.
    private static (InboundMessage Message, string Field) BreakOneField(RandomInbound generator, InboundMessage m)
    {
        var random = generator.Random;
        string LoneSurrogate(string? text) => (text ?? "x").Insert(random.Next((text ?? "x").Length + 1), random.Next(2) == 0 ? "\ud800" : "\udfff");
        string Control(string text) => text.Insert(random.Next(text.Length + 1), random.Next(2) == 0 ? "\u0001" : "\n");
        string Longer(string? text, int max) => (text ?? "") + new string('z', max + 1 - (text ?? "").Length);

        return random.Next(19) switch
        {
            0 => (m with { Channel = Longer(m.Channel, 32) }, "channel"),
            1 => (m with { Channel = Control(m.Channel) }, "channel"),
            2 => (m with { Account = LoneSurrogate(m.Account) }, "account"),
            3 => (m with { Account = Longer(m.Account, 200) }, "account"),
            4 => (m with { ExternalId = LoneSurrogate(m.ExternalId) }, "sourceId"),
            5 => (m with { ExternalId = Control(m.ExternalId) }, "sourceId"),
            6 => (m with { Sender = m.Sender with { Value = LoneSurrogate(m.Sender.Value) } }, "contact.identifier"),
            7 => (m with { Sender = m.Sender with { Value = Longer(m.Sender.Value, TextRules.MaxIdentifierLength) } }, "contact.identifier"),
            8 => (m with { Sender = new ContactIdentity(IdentityKinds.Email, generator.Token(1, 30)) }, "contact.identifier"),
            9 => (m with { OtherIdentities = [.. m.OtherIdentities, new ContactIdentity(IdentityKinds.Email, generator.Token(1, 30))] },
                $"contact.identities[{m.OtherIdentities.Count}]"),
            10 => (m with { SenderName = LoneSurrogate(m.SenderName) }, "contact.name"),
            11 => (m with { SenderName = Control(m.SenderName ?? "Ana") }, "contact.name"),
            12 => (m with { Text = LoneSurrogate(m.Text) }, "text"),
            13 => (m with { Text = Longer(m.Text, TextRules.MaxMessageLength) }, "text"),
            14 => (m with { Text = "", Attachments = [] }, "text"),
            15 => (m with { Subject = Control(m.Subject ?? "Hi") }, "subject"),
            16 => (m with { ThreadKey = LoneSurrogate(m.ThreadKey) }, "threadKey"),
            17 => (m with { Queue = m.Queue + random.Next(4) switch { 0 => " ", 1 => ":", 2 => "é", _ => "/" } }, "queue"),
            _ => (m with { Queue = Longer(m.Queue, 64) }, "queue"),
        };
    }
}
