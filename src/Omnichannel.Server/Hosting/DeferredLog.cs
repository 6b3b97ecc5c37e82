namespace Omnichannel.Server.Hosting;

/// <summary>
/// A logger for work done while services are registered, before the host's logging exists: it keeps each entry
/// and writes them all, in order, to a real logger later.
/// </summary>
internal sealed class DeferredLog : ILogger
{
    private readonly Lock _gate = new();
    private List<Action<ILogger>>? _entries = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _entries?.Add(logger => logger.Log(logLevel, eventId, state, exception, formatter));
        }
    }

    /// <summary>Writes the entries kept so far to <paramref name="logger"/>, once; later calls write nothing.</summary>
    public void Replay(ILogger logger)
    {
        List<Action<ILogger>>? entries;
        lock (_gate)
        {
            (entries, _entries) = (_entries, null);
        }

        foreach (var entry in entries ?? [])
        {
            entry(logger);
        }
    }
}
