namespace Omnichannel.Bench;

/// <summary>A running Redis-protocol server the bench points the store (or the server process) at.</summary>
internal interface IStoreBackend : IAsyncDisposable
{
    /// <summary>Row label in the report, e.g. <c>garnet (aof-wait)</c>.</summary>
    string Name { get; }

    string ConnectionString { get; }
}
