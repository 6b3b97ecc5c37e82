namespace Omnichannel.Core.Articles;

/// <summary>
/// Who reads an article: agents read every one; the public help center shows <see cref="Published"/> ones only.
/// </summary>
public enum ArticleStatus
{
    Draft,
    Published,

    /// <summary>Runbooks and checklists for agents; never shown outside the inbox.</summary>
    Internal,
}
