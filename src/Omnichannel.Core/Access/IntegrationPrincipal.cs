using Omnichannel.Core.Model;

namespace Omnichannel.Core.Access;

/// <summary>An integration holding an API token; its scopes say what it may do.</summary>
public sealed record IntegrationPrincipal(ApiToken Token) : Principal(Token.Id)
{
    public bool HasScope(string scope) => Token.Scopes.Contains(scope, StringComparer.Ordinal);
}
