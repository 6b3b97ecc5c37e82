using Mediator;

namespace Omnichannel.Core.Tests.TestDoubles;

/// <summary>Keeps every published notification, in order, so tests can assert what listeners would hear.</summary>
internal sealed class RecordingPublisher : IPublisher
{
    private readonly List<object> _published = [];

    public IReadOnlyList<object> Published => _published;

    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        ArgumentNullException.ThrowIfNull(notification);
        _published.Add(notification);
        return ValueTask.CompletedTask;
    }

    public ValueTask Publish(object notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _published.Add(notification);
        return ValueTask.CompletedTask;
    }
}
