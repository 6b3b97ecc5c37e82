namespace Omnichannel.Bench;

/// <summary>One way in for messages (the store directly, or the HTTP API), ready against one backend.</summary>
internal interface IIngestTarget : IAsyncDisposable
{
    /// <summary>Row label in the report: <c>store</c> or <c>api</c>.</summary>
    string Mode { get; }

    /// <summary>Ingests up to <paramref name="load"/>'s message count, tagged <paramref name="runTag"/>.</summary>
    Task<LoadResult> IngestAsync(string runTag, LoadShape load, CancellationToken cancellationToken);
}

/// <summary>How much to send: messages, concurrent clients, conversations they spread over, and when to stop anyway.</summary>
internal sealed record LoadShape(int Messages, int Clients, int Threads, TimeSpan TimeLimit);
