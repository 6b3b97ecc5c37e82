namespace Omnichannel.Server.Features;

/// <summary>
/// What a handler answers for something the caller names: its result, or a <see cref="Refusal"/>. The 403/404 policy
/// lives in the handlers (a malformed id is not found, like an unknown one); the transports only translate it: REST
/// to 404 / 403 / 409 problem details where each endpoint maps it, the hubs to a <c>HubException</c>.
/// </summary>
public sealed record Outcome<T>
{
    private Outcome(T? value, Refusal refusal, string? title = null, string? detail = null)
    {
        Value = value;
        Refusal = refusal;
        Title = title;
        Detail = detail;
    }

    public T? Value { get; }

    public Refusal Refusal { get; }

    /// <summary>For a refusal with a reason: what the caller reads as the problem's title and detail.</summary>
    public string? Title { get; }

    public string? Detail { get; }

    public static Outcome<T> NotFound { get; } = new(default, Refusal.NotFound);

    public static Outcome<T> Forbidden { get; } = new(default, Refusal.Forbidden);

    public static Outcome<T> Found(T value) => new(value, Refusal.None);

    public static Outcome<T> Conflict(string title, string? detail) => new(default, Refusal.Conflict, title, detail);

    /// <summary>Forbidden, with a reason the caller may read (a widget on a page whose origin the site refuses).</summary>
    public static Outcome<T> ForbiddenBecause(string title) => new(default, Refusal.Forbidden, title);

    /// <summary>Not found, with a reason the caller may read (an entry handled already).</summary>
    public static Outcome<T> NotFoundBecause(string title, string? detail) => new(default, Refusal.NotFound, title, detail);

    public static Outcome<T> Unprocessable(string title, string? detail) => new(default, Refusal.Unprocessable, title, detail);
}
