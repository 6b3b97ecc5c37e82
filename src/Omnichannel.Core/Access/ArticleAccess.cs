using Omnichannel.Core.Articles;
using Omnichannel.Core.Model;

namespace Omnichannel.Core.Access;

/// <summary>
/// Who reads and writes the knowledge base: every agent reads every article (drafts and internal ones too); leads and
/// admins write; the public (the help center, the web chat widget) reads published articles only.
/// </summary>
public static class ArticleAccess
{
    public static bool CanWrite(Agent agent) => agent.SeesEverything;

    public static bool IsPublic(Article article) => article.Status == ArticleStatus.Published;
}
