using System.Diagnostics;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Search;

/// <summary>
/// Keeps this node's <see cref="ConversationIndex"/> following the store: builds it from every conversation at start,
/// then reads the workspace event log after the index's sequence number and re-indexes each conversation an event
/// names, from its current state in the store. When the log has been trimmed past that number (the node was away
/// longer than the log keeps events), it builds the index again. Knowledge-base articles are indexed too, all of them
/// again whenever the store's article version moved (<see cref="SyncArticlesAsync"/>).
/// </summary>
public sealed class SearchIndexer(ConversationIndex index, IConversationStore store, IArticleStore articles,
    IOptions<SearchOptions> options, ILogger<SearchIndexer> logger) : BackgroundService
{
    private const int PageSize = 200;
    private const int EventBatch = 1000;
    private const int Parallelism = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The poll follows the log as fast as it grows: real time, not the inbox's (test-controlled) clock.
        var interval = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!index.Built.IsCompleted)
                {
                    await RebuildAsync(stoppingToken);
                    index.MarkBuilt();
                }

                while (await CatchUpAsync(stoppingToken))
                {
                }

                await SyncArticlesAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Updating the search index failed at sequence {Sequence}; retrying", index.Sequence);
            }

            await Task.Delay(interval, stoppingToken);
        }
    }

    /// <summary>Empties the index and fills it with every conversation of the store.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        // Events from here on are applied after the build (again, for the conversations it already saw: harmless).
        var sequence = await store.LastEventSequenceAsync(ct);
        index.Clear();
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await store.ListConversationsAsync(
                new ConversationQuery(ConversationView.All, null, null, null, cursor, PageSize), ct);
            await Parallel.ForEachAsync(page.Items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (conversation, token) => await PutAsync(conversation, token));
            count += page.Items.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        index.ArticleVersion = -1;
        await SyncArticlesAsync(ct);
        index.Sequence = sequence;
        index.MarkRebuilt();
        logger.LogInformation("Search index built: {Count} conversations up to event {Sequence} in {Elapsed} ms",
            count, sequence, started.ElapsedMilliseconds);
    }

    /// <summary>Applies the next events of the log; true when there may be more right away.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        var after = index.Sequence;
        var events = await store.ReadEventsAsync(after, EventBatch, ct);
        if (events.Count == 0)
        {
            return false;
        }

        if (events[0].Sequence > after + 1 && await TrimmedPastAsync(after, ct))
        {
            logger.LogWarning("The event log no longer holds event {Sequence}: rebuilding the search index", after + 1);
            await RebuildAsync(ct);
            return true;
        }

        var changed = events.Select(e => e.ConversationId).Where(Ids.IsWellFormed).Distinct(StringComparer.Ordinal);
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (id, token) =>
            {
                if (await store.GetConversationAsync(id, token) is { } conversation)
                {
                    await PutAsync(conversation, token);
                }
                else
                {
                    index.Remove(id);
                }
            });
        index.Refresh();
        index.Sequence = events[^1].Sequence;
        return events.Count == EventBatch;
    }

    /// <summary>
    /// Replaces every article of the index when the store's article version moved (each article write moves it, on
    /// any node): articles are few, and the version costs one read a poll.
    /// </summary>
    public async Task SyncArticlesAsync(CancellationToken ct)
    {
        var version = await articles.VersionAsync(ct);
        if (version == index.ArticleVersion)
        {
            return;
        }

        index.PutArticles((await articles.ListAsync(ct)).Select(ArticleDocument.Build));
        index.Refresh();
        index.ArticleVersion = version;
    }

    // A gap after the index's sequence is a trim only when the oldest event kept is past it (sequence numbers may
    // skip without anything lost, e.g. a rolled-back operation on the embedded store).
    private async Task<bool> TrimmedPastAsync(long sequence, CancellationToken ct) =>
        await store.ReadEventsAsync(0, 1, ct) is [var oldest, ..] && oldest.Sequence > sequence;

    private async Task PutAsync(Conversation conversation, CancellationToken ct)
    {
        var contact = store.GetContactAsync(conversation.ContactId, ct);
        var messages = new List<Message>();
        string? before = null;
        do
        {
            var page = await store.ListMessagesAsync(conversation.Id, before, PageSize, ct);
            messages.AddRange(page.Items);
            before = page.NextCursor;
        }
        while (before is not null && messages.Count < options.Value.MaxMessagesPerConversation);

        // Pages come newest first; the document keeps them in the order they were written.
        var newest = messages.Take(options.Value.MaxMessagesPerConversation).Reverse();
        index.Put(conversation.Id, ConversationDocument.Build(conversation, await contact, newest));
    }
}
