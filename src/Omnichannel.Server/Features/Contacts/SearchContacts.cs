using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Contacts;

/// <summary>
/// <c>GET /api/contacts?q=&amp;limit=</c>: contacts to pick from (the other contact of a merge). <c>q</c> is an exact
/// verified email, or part of a name or email among the newest <see cref="SearchContactsHandler.Scan"/> contacts (there
/// is no name index); each hit passes the access rule as <c>GET /api/contacts/{id}</c> does.
/// </summary>
public sealed record SearchContacts(string? Q, int? Limit, Principal? Principal) : IRequest<ContactSearchResponse>, IValidatable
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 100;
    public const int MaxLimit = 50;

    public string? Text => Q?.Trim();

    public IEnumerable<ValidationError> Validate()
    {
        var text = Text;
        var errors = new List<ValidationError>();
        if (string.IsNullOrEmpty(text) || text.Length < MinQueryLength || text.Length > MaxQueryLength
            || TextRules.HasControlCharacters(text) || !TextRules.IsWellFormedUnicode(text))
        {
            errors.Add(new("q", $"must be {MinQueryLength} to {MaxQueryLength} characters of a name or email address."));
        }

        if (Limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"must be between 1 and {MaxLimit}."));
        }

        return errors;
    }
}

public sealed class SearchContactsHandler(IContactDirectory directory, IConversationStore store)
    : IRequestHandler<SearchContacts, ContactSearchResponse>
{
    /// <summary>How many of the newest contacts a name is looked for in: bounds the work of one request.</summary>
    public const int Scan = 2000;

    private const int DefaultLimit = 20;

    // Hits are checked against the access rule this many at a time (each batch one pipelined round trip).
    private const int Batch = 25;

    public async ValueTask<ContactSearchResponse> Handle(SearchContacts request, CancellationToken cancellationToken)
    {
        var (text, principal, ct) = (request.Text, request.Principal, cancellationToken);
        var limit = request.Limit;
        var wanted = limit ?? DefaultLimit;
        var items = new List<ContactDto>();
        foreach (var batch in (await directory.FindAsync(text!, Scan, ct)).Chunk(Batch))
        {
            var read = await Task.WhenAll(batch.Select(id => VisibleAsync(id, principal, store, ct)));
            items.AddRange(read.OfType<ContactDto>());
            if (items.Count >= wanted)
            {
                break;
            }
        }

        return new ContactSearchResponse([.. items.Take(wanted)]);
    }

    // The contact as GET /api/contacts/{id} shows it to this caller, or null when the caller may not see it.
    private static async Task<ContactDto?> VisibleAsync(string id, Principal? principal, IConversationStore store,
        CancellationToken ct)
    {
        if (!Ids.IsWellFormed(id))
        {
            return null;
        }

        var contact = store.GetContactAsync(id, ct);
        var conversations = (await store.ListContactConversationsAsync(id, ContactsApi.MaxConversations, ct))
            .Where(c => AccessRule.CanSeeConversation(principal, c)).ToList();
        return await contact is { MergedInto: null } found && (conversations.Count > 0 || AccessRule.SeesEverything(principal))
            ? ContactDto.From(found, conversations)
            : null;
    }
}
