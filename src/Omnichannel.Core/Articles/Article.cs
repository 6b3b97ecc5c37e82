namespace Omnichannel.Core.Articles;

/// <summary>
/// A knowledge-base article (docs/knowledge.md): Markdown in one category. Its id is a slug, so it also names the
/// article in the help center's address (<c>/help/{id}</c>).
/// </summary>
public sealed record Article(
    string Id,
    string Title,
    string Markdown,
    string CategoryId,
    ArticleStatus Status,
    DateTimeOffset UpdatedAt);
