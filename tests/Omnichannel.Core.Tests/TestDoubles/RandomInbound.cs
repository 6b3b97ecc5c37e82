using System.Text;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;

namespace Omnichannel.Core.Tests.TestDoubles;

/// <summary>
/// Generates valid inbound messages from a seed, for property-style loops: varied lengths, scripts, surrogate pairs,
/// line breaks where they are allowed, optional fields present or not. A failing seed reproduces the failure.
/// </summary>
internal sealed class RandomInbound(int seed)
{
    private static readonly string[] SingleLinePieces = ["a", "Z", "7", "é", "ß", "Ж", "你", "\ud83d\ude00", "-", ".", " ", "'"];
    private static readonly string[] MultilinePieces = [.. SingleLinePieces, "\n", "\r\n", "\t"];
    private const string TokenCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    private const string SlugStart = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string SlugCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string EmailCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+-_";

    public Random Random { get; } = new(seed);

    public InboundMessage Message()
    {
        var attachments = Enumerable.Range(0, Random.Next(3))
            .Select(i => new AttachmentInfo($"att-{i}", $"file{i}.pdf", "application/pdf", Random.Next(1, 10_000), $"blob/{i}"))
            .ToList();
        return new InboundMessage
        {
            Channel = Random.Next(2) == 0 ? ChannelNames.Email : Token(1, 32),
            Account = SingleLine(1, 200),
            ExternalId = SingleLine(1, 300),
            Sender = Identity(),
            OtherIdentities = [.. Enumerable.Range(0, Random.Next(3)).Select(_ => Identity())],
            SenderName = Random.Next(3) == 0 ? null : SingleLine(1, 200),
            // Text may be blank only when attachments carry the message.
            Text = attachments.Count > 0 && Random.Next(2) == 0 ? "" : Multiline(1, 2_000),
            Subject = Random.Next(2) == 0 ? null : SingleLine(1, 998),
            ThreadKey = Random.Next(2) == 0 ? null : SingleLine(1, 512),
            Attachments = attachments,
            Queue = Slug(1, 64),
        };
    }

    public ContactIdentity Identity() => Random.Next(4) switch
    {
        0 => new ContactIdentity(IdentityKinds.Telegram, Token(1, 20)),
        1 => new ContactIdentity(IdentityKinds.Api, SingleLine(1, 512)),
        _ => new ContactIdentity(IdentityKinds.Email, Email()),
    };

    public string Email() => $"{Chars(EmailCharacters, 1, 40)}@{Chars(EmailCharacters, 1, 40)}";

    public string Token(int minLength, int maxLength) => Chars(TokenCharacters, minLength, maxLength);

    /// <summary>An id a lead chooses: lower-case letters, digits, '-' or '_', starting with a letter or digit.</summary>
    public string Slug(int minLength, int maxLength) =>
        Chars(SlugStart, 1, 1) + (maxLength > 1 ? Chars(SlugCharacters, Math.Max(0, minLength - 1), maxLength - 1) : "");

    public string SingleLine(int minLength, int maxLength) => Text(SingleLinePieces, minLength, maxLength);

    public string Multiline(int minLength, int maxLength) => Text(MultilinePieces, minLength, maxLength);

    private string Chars(string alphabet, int minLength, int maxLength)
    {
        var length = Random.Next(minLength, maxLength + 1);
        return string.Create(length, (alphabet, Random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.Random.Next(state.alphabet.Length)];
            }
        });
    }

    // Starts with a letter so the text is never blank; never splits a surrogate pair to fit the length.
    private string Text(string[] pieces, int minLength, int maxLength)
    {
        var target = Random.Next(minLength, maxLength + 1);
        var text = new StringBuilder("x", target);
        while (true)
        {
            var piece = pieces[Random.Next(pieces.Length)];
            if (text.Length + piece.Length > target)
            {
                return text.ToString();
            }

            text.Append(piece);
        }
    }
}
