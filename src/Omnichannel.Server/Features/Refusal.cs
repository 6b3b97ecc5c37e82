namespace Omnichannel.Server.Features;

/// <summary>Why a use case did not answer with its result; see <see cref="Outcome{T}"/>.</summary>
public enum Refusal
{
    None,

    /// <summary>No such thing, or an id that could name none (malformed): both answer the same, so ids are not probed.</summary>
    NotFound,

    /// <summary>It exists and the caller may know so, but may not do this with it.</summary>
    Forbidden,

    /// <summary>The store moved on under the request, or its state does not allow it now; nothing was changed.</summary>
    Conflict,

    /// <summary>Understood and allowed, and tried: the thing itself cannot be done (an item that still fails).</summary>
    Unprocessable,
}
