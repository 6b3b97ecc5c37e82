using System.Globalization;
using Mediator;
using Omnichannel.Core.Access;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Server.Search;

namespace Omnichannel.Server.Features.Search;

/// <summary>
/// Reads the ranking page by page and keeps the hits the caller may see in the conversation's current state (the index
/// may be a moment behind; the access rule never is). The cursor is the rank to go on from, so a page is full even
/// when hits before it were dropped, and nothing says how many were.
/// </summary>
public sealed class SearchConversationsHandler(ConversationIndex index, IConversationStore store)
    : IRequestHandler<SearchConversations, SearchResponse>
{
    public async ValueTask<SearchResponse> Handle(SearchConversations request, CancellationToken cancellationToken)
    {
        await index.Built.WaitAsync(cancellationToken);
        var query = request.ToQuery(index.Analyzer);
        var (lucene, filter) = (query.ToLucene(), query.ToFilter());
        var limit = request.Limit ?? SearchConversations.DefaultLimit;
        var position = request.Offset;
        var items = new List<SearchItem>(limit);
        var more = true;
        while (items.Count < limit && more && position < SearchConversations.MaxOffset)
        {
            // Ask for more than is missing: some hits may be dropped by the access rule.
            var take = Math.Min(Math.Max(2 * (limit - items.Count), 10), SearchConversations.MaxOffset - position);
            (var hits, more) = index.Search(lucene, filter, position, take);
            var batchEnd = position + hits.Count;
            var conversations = await Task.WhenAll(hits.Select(h => store.GetConversationAsync(h.Id, cancellationToken)));
            foreach (var (hit, conversation) in hits.Zip(conversations))
            {
                position++;
                if (conversation is not null && AccessRule.CanSeeConversation(request.Principal, conversation))
                {
                    items.Add(ToItem(query, hit, conversation));
                    if (items.Count == limit)
                    {
                        more = more || position < batchEnd;
                        break;
                    }
                }
            }

            if (hits.Count == 0)
            {
                more = false;
            }
        }

        var next = more && position < SearchConversations.MaxOffset ? position.ToString(CultureInfo.InvariantCulture) : null;
        return new SearchResponse(items, next);
    }

    private SearchItem ToItem(SearchQuery query, IndexHit hit, Conversation conversation) => new(
        "conversation", conversation.Id, Title(conversation, hit), SearchSnippet.Cut(index.Analyzer, query, hit),
        conversation.LastActivityAt, conversation.Status, conversation.Channel, conversation.Queue, conversation.AssigneeId);

    private static string Title(Conversation conversation, IndexHit hit) =>
        !string.IsNullOrWhiteSpace(conversation.Subject) ? conversation.Subject
        : !string.IsNullOrWhiteSpace(hit.ContactName) ? hit.ContactName
        : $"Conversation on {conversation.Channel}";
}
