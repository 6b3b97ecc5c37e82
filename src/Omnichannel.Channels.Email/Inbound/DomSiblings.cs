using AngleSharp.Dom;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>
/// A node's siblings. AngleSharp finds <c>NextSibling</c> and <c>PreviousSibling</c> by searching the parent's child
/// list, so walking siblings one by one is quadratic in their number; these find the node once and then index.
/// </summary>
internal static class DomSiblings
{
    public static IEnumerable<INode> After(INode node)
    {
        var siblings = node.Parent?.ChildNodes;
        for (var i = IndexIn(siblings, node) + 1; siblings is not null && i > 0 && i < siblings.Length; i++)
        {
            yield return siblings[i];
        }
    }

    /// <summary>The siblings before <paramref name="node"/>, nearest first.</summary>
    public static IEnumerable<INode> Before(INode node)
    {
        var siblings = node.Parent?.ChildNodes;
        for (var i = IndexIn(siblings, node) - 1; siblings is not null && i >= 0; i--)
        {
            yield return siblings[i];
        }
    }

    private static int IndexIn(INodeList? siblings, INode node)
    {
        for (var i = 0; siblings is not null && i < siblings.Length; i++)
        {
            if (siblings[i] == node)
            {
                return i;
            }
        }

        return -1;
    }
}
