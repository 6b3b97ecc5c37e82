using Lucene.Net.Documents;
using Omnichannel.Core.Model;

namespace Omnichannel.Server.Search;

/// <summary>
/// A conversation as the index holds it: one document with its text fields (searched and kept for snippets) and its
/// filter fields (kept as exact terms). Built from the store's current state each time the conversation changes.
/// </summary>
public static class ConversationDocument
{
    public const string Id = "id";
    public const string Subject = "subject";
    public const string Contact = "contact";
    public const string ContactName = "contactName";
    public const string Body = "body";
    public const string Notes = "notes";
    public const string Status = "status";
    public const string Channel = "channel";
    public const string Queue = "queue";
    public const string Assignee = "assignee";
    public const string Label = "label";
    public const string Activity = "activity";
    public const string ActivityRange = "activityRange";

    /// <summary>The assignee field of an unassigned conversation (no id contains ':').</summary>
    public const string Unassigned = ":none";

    /// <param name="messages">The messages to index, oldest first.</param>
    public static Document Build(Conversation conversation, Contact? contact, IEnumerable<Message> messages)
    {
        var document = new Document
        {
            new StringField(Id, conversation.Id, Field.Store.YES),
            new StringField(Status, conversation.Status.ToText(), Field.Store.NO),
            new StringField(Channel, conversation.Channel, Field.Store.NO),
            new StringField(Queue, conversation.Queue, Field.Store.NO),
            new StringField(Assignee, conversation.AssigneeId ?? Unassigned, Field.Store.NO),
            new NumericDocValuesField(Activity, conversation.LastActivityAt.ToUnixTimeMilliseconds()),
            new Int64Field(ActivityRange, conversation.LastActivityAt.ToUnixTimeMilliseconds(), Field.Store.NO),
        };
        foreach (var label in conversation.Labels)
        {
            document.Add(new StringField(Label, label, Field.Store.NO));
        }

        if (!string.IsNullOrWhiteSpace(conversation.Subject))
        {
            document.Add(new TextField(Subject, conversation.Subject, Field.Store.YES));
        }

        if (contact is not null)
        {
            if (!string.IsNullOrWhiteSpace(contact.Name))
            {
                document.Add(new StoredField(ContactName, contact.Name));
            }

            document.Add(new TextField(Contact, string.Join('\n', ContactText(contact)), Field.Store.YES));
        }

        var body = new List<string>();
        var notes = new List<string>();
        foreach (var message in messages)
        {
            (message.IsPrivate ? notes : body).Add(OneLine(message.Text));
        }

        document.Add(new TextField(Body, string.Join('\n', body), Field.Store.YES));
        document.Add(new TextField(Notes, string.Join('\n', notes), Field.Store.YES));
        return document;
    }

    // Name, email, every identity (email, Telegram user id, visitor, API id), the Telegram username and a phone.
    private static IEnumerable<string> ContactText(Contact contact)
    {
        var values = new List<string?> { contact.Name, contact.Email };
        values.AddRange(contact.Identities.Select(i => i.Value));
        foreach (var key in new[] { "telegramUsername", "phone" })
        {
            if (contact.Attributes.TryGetValue(key, out var value))
            {
                values.Add(key == "telegramUsername" ? "@" + value.TrimStart('@') : value);
            }
        }

        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => OneLine(v!)).Distinct(StringComparer.Ordinal);
    }

    // Lines separate messages in the stored text, so a message's own line breaks become spaces.
    private static string OneLine(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
}
