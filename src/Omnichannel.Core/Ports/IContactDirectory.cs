namespace Omnichannel.Core.Ports;

/// <summary>
/// Finding contacts by what an agent types (to pick the other contact of a merge). No index of names exists: an email
/// address is looked up exactly through the identity index, and names and emails are matched among the newest
/// contacts only. The caller applies the access rule.
/// </summary>
public interface IContactDirectory
{
    /// <summary>
    /// Ids of contacts (never merged-away ones) whose verified email is <paramref name="text"/>, then of those among the
    /// newest <paramref name="scan"/> whose name or email contains it (ignoring case), newest first, without repeats.
    /// </summary>
    Task<IReadOnlyList<string>> FindAsync(string text, int scan, CancellationToken cancellationToken = default);
}
