using Microsoft.Extensions.Logging;

namespace Omnichannel.Redis.Embedded;

/// <summary>
/// Garnet logs under bare categories ("Options", "ArgParser"); prefixing them with "Garnet." lets one
/// <c>Logging:LogLevel:Garnet</c> setting quiet all of them.
/// </summary>
internal sealed class GarnetLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly List<string> _errors = [];
    private bool _watching = true;

    /// <summary>
    /// What Garnet logged as an error or worse. Garnet logs a failed recovery (an unreadable checkpoint, a corrupt
    /// append-only file) and starts anyway with whatever it got back (its issue 2150); the caller refuses to serve.
    /// </summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>The start is over: later errors only go to the log (a server running for months keeps no list).</summary>
    public void StopWatching()
    {
        lock (_errors)
        {
            _watching = false;
            _errors.Clear();
        }
    }

    public ILogger CreateLogger(string categoryName) => new ErrorWatch(inner.CreateLogger("Garnet." + categoryName), this);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The host owns the inner factory.
    public void Dispose()
    {
    }

    private sealed class ErrorWatch(ILogger inner, GarnetLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error || inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                lock (owner._errors)
                {
                    if (owner._watching)
                    {
                        owner._errors.Add(formatter(state, exception) + (exception is null ? "" : $" ({exception.Message})"));
                    }
                }
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
