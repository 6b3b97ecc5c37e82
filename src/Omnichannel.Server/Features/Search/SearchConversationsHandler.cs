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
public sealed class SearchConversationsHandler(ConversationIndex index, IConversationStore store, IArticleStore articles)
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
            var found = await Task.WhenAll(hits.Select(h => VisibleAsync(request.Principal, query, h, cancellationToken)));
            foreach (var item in found)
            {
                position++;
                if (item is not null)
                {
                    items.Add(item);
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

    // The hit as the caller may see it now, from the store (the index may be a moment behind), or null. Agents find
    // every article, drafts and internal ones included; an integration finds published ones only (ArticleAccess).
    private async Task<SearchItem?> VisibleAsync(Principal? principal, SearchQuery query, IndexHit hit, CancellationToken ct)
    {
        if (hit.Id.StartsWith(ArticleDocument.IdPrefix, StringComparison.Ordinal))
        {
            return await articles.GetAsync(hit.Id[ArticleDocument.IdPrefix.Length..], ct) is { } article
                && (principal is AgentPrincipal || ArticleAccess.IsPublic(article))
                ? new("article", article.Id, article.Title, SearchSnippet.Cut(index.Analyzer, query, hit), article.UpdatedAt)
                : null;
        }

        return await store.GetConversationAsync(hit.Id, ct) is { } conversation
            && AccessRule.CanSeeConversation(principal, conversation)
            ? ToItem(query, hit, conversation)
            : null;
    }

    private SearchItem ToItem(SearchQuery query, IndexHit hit, Conversation conversation) => new(
        "conversation", conversation.Id, Title(conversation, hit), SearchSnippet.Cut(index.Analyzer, query, hit),
        conversation.LastActivityAt, conversation.Status, conversation.Channel, conversation.Queue, conversation.AssigneeId);

    private static string Title(Conversation conversation, IndexHit hit) =>
        !string.IsNullOrWhiteSpace(conversation.Subject) ? conversation.Subject
        : !string.IsNullOrWhiteSpace(hit.ContactName) ? hit.ContactName
        : $"Conversation on {conversation.Channel}";
}
