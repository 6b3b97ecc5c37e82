using System.Globalization;
using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Search;

namespace Omnichannel.Server.Features.Search;

/// <summary>
/// <c>GET /api/search?q=</c>: conversations whose messages, subject or contact match the words of <c>q</c> (docs/search.md),
/// best first, each one the caller may see now by the access rule; private notes match only for agents.
/// </summary>
public sealed record SearchConversations(string? Q, Principal? Principal) : IRequest<SearchResponse>, IValidatable
{
    public const int MaxQueryLength = 200;
    public const int MaxLimit = 50;
    public const int DefaultLimit = 20;

    /// <summary>How deep into the ranking a cursor may point: bounds the work of one request.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>The <c>assignee</c> filter for conversations nobody holds.</summary>
    public const string Nobody = "none";

    private const int MaxFilterLength = 64;

    // Only parses the query for validation; analyzers are thread-safe.
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = SearchAnalysis.CreateAnalyzer();

    public string? Status { get; init; }

    public string? Channel { get; init; }

    public string? Queue { get; init; }

    public string? Assignee { get; init; }

    public string? Label { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public int? Limit { get; init; }

    public string? Cursor { get; init; }

    public string Text => Q?.Trim() ?? "";

    public int Offset => int.TryParse(Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;

    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        var text = Text;
        if (text.Length is 0 or > MaxQueryLength || TextRules.HasControlCharacters(text) || !TextRules.IsWellFormedUnicode(text)
            || SearchText.Parse(Analyzer, text).Count == 0)
        {
            errors.Add(new("q", $"must be 1 to {MaxQueryLength} characters with at least one word or number."));
        }

        if (Status is not null && !ConversationStatusText.TryParse(Status, out _))
        {
            errors.Add(new("status", "must be open, pending, snoozed or resolved."));
        }

        if (Channel is not null && Channel is not (ChannelNames.Api or ChannelNames.Email or ChannelNames.Telegram or ChannelNames.WebChat))
        {
            errors.Add(new("channel", "must be api, email, telegram or webchat."));
        }

        if (Queue is not null && !Slugs.IsValid(Queue))
        {
            errors.Add(new("queue", Slugs.Rule));
        }

        if (Assignee is not null && !Ids.IsWellFormed(Assignee))
        {
            errors.Add(new("assignee", $"must be an agent id, or '{Nobody}' for unassigned conversations."));
        }

        if (Label is not null && (Label.Length is 0 or > MaxFilterLength || Label.Any(char.IsControl)))
        {
            errors.Add(new("label", $"must be 1 to {MaxFilterLength} characters."));
        }

        var from = Date(From, "from", errors);
        var to = Date(To, "to", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors.Add(new("to", "must be after from."));
        }

        if (Limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"must be between 1 and {MaxLimit}."));
        }

        if (Cursor is not null && (!int.TryParse(Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || offset > MaxOffset))
        {
            errors.Add(new("cursor", "must be the nextCursor of a previous page."));
        }

        return errors;
    }

    /// <summary>The query for the index, as this caller may search (notes for agents only).</summary>
    public SearchQuery ToQuery(Lucene.Net.Analysis.Analyzer analyzer) => new(
        SearchText.Parse(analyzer, Text), IncludeNotes: Principal is AgentPrincipal,
        Status: Status is null ? null : ConversationStatusText.Parse(Status).ToText(),
        Channel: Channel, Queue: Queue,
        Assignee: Assignee == Nobody ? ConversationDocument.Unassigned : Assignee,
        Label: Label, From: Date(From, "from", []), To: Date(To, "to", []));

    private static DateTimeOffset? Date(string? value, string field, List<ValidationError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        errors.Add(new(field, "must be an ISO 8601 date or date and time."));
        return null;
    }
}
