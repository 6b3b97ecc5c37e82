using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Inbound;

/// <summary>
/// Keeps one poisoned inbound item from stopping its channel. Each try is counted in the store before it is made (so
/// an item that crashes the server is counted too, and the count survives the restart); an item that keeps failing
/// (<see cref="QuarantineOptions.MaxAttempts"/>), is unreadable, or is refused by the inbox's validation is set aside
/// with its reason and raw bytes, and the channel moves its cursor past it only after that.
/// </summary>
public sealed class InboundQuarantine(IQuarantineStore store, IBlobStore blobs, TimeProvider time, QuarantineOptions options)
{
    /// <summary>Raw items up to this size stay in the entry itself; larger ones go to the blob store.</summary>
    public const int InlineRawBytes = 64 * 1024;

    private const int MaxReasonLength = 1000;

    public IQuarantineStore Store => store;

    /// <summary>
    /// Ingests one item through <paramref name="ingest"/>. True when it was stored; false when it is in quarantine now
    /// (either way the channel goes on with the next item). Throws when the try failed and the item gets another: the
    /// channel keeps its cursor and tries again later.
    /// </summary>
    public async Task<bool> RunAsync(InboundItemRef item, Func<CancellationToken, Task> ingest,
        Func<RawInboundItem?> raw, CancellationToken cancellationToken)
    {
        var attempt = await store.BeginAttemptAsync(item, cancellationToken);
        if (attempt.Count > options.MaxAttempts)
        {
            // The earlier tries never came back: the server stopped (or crashed) while reading it.
            var reason = attempt.LastError ?? "The server stopped while reading it.";
            await QuarantineAsync(item, reason, attempt.Count - 1, raw(), cancellationToken);
            return false;
        }

        try
        {
            await ingest(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.CancelAttemptAsync(item);
            throw;
        }
        catch (Exception ex)
        {
            var reason = Describe(ex);
            if (ex is InboundItemUnreadableException or RequestValidationException || attempt.Count >= options.MaxAttempts)
            {
                await QuarantineAsync(item, reason, attempt.Count, raw(), cancellationToken);
                return false;
            }

            await store.RecordFailureAsync(item, Truncate(reason), cancellationToken);
            throw;
        }

        await store.EndAttemptAsync(item, cancellationToken);
        return true;
    }

    /// <summary>Sets the item aside now (a mail over the size limit, a webhook body that is not an update).</summary>
    public async Task<QuarantineEntry> QuarantineAsync(InboundItemRef item, string reason, int attempts, RawInboundItem? raw,
        CancellationToken cancellationToken)
    {
        byte[]? inline = null;
        string? blob = null;
        long size = raw?.Length ?? 0;
        if (raw is not null && raw.Length <= InlineRawBytes)
        {
            using var copy = new MemoryStream((int)raw.Length);
            await raw.Content.CopyToAsync(copy, cancellationToken);
            inline = copy.ToArray();
            size = inline.Length;
        }
        else if (raw is not null && raw.Length <= options.MaxRawBytes)
        {
            try
            {
                var stored = await blobs.PutAsync(raw.Content, options.MaxRawBytes, cancellationToken);
                (blob, size) = (stored.Key, stored.Size);
            }
            catch (BlobTooLargeException)
            {
                // Kept without its bytes; the reason says so.
                reason += " (raw item not kept: larger than MaxRawBytes)";
            }
        }
        else if (raw is not null)
        {
            reason += " (raw item not kept: larger than MaxRawBytes)";
        }

        var entry = await store.AddAsync(new NewQuarantineEntry(item, Truncate(reason), attempts, inline, blob, size),
            time.GetUtcNow(), cancellationToken);
        if (blob is not null && entry.RawBlobKey != blob)
        {
            // Quarantined before (a crash between quarantining and moving on): the earlier entry keeps its own copy.
            await blobs.DeleteAsync(blob, CancellationToken.None);
        }

        return entry;
    }

    /// <summary>The reason an admin reads: the exception's own message, and its type when that says more.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        InboundItemUnreadableException => ex.Message,
        RequestValidationException validation =>
            "Refused by the inbox: " + string.Join("; ", validation.Errors.Select(e => $"{e.Field} {e.Message}")),
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>One line an admin can read: control characters (from a hostile item's own text) become spaces.</summary>
    private static string Truncate(string text)
    {
        var cut = text.Length <= MaxReasonLength ? text : text[..MaxReasonLength];
        return string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }
}
