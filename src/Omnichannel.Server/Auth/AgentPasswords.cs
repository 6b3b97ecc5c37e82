using Microsoft.AspNetCore.Identity;
using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Auth;

/// <summary>Password rules and hashing (ASP.NET Core Identity's PBKDF2 hasher).</summary>
public static class AgentPasswords
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 256;

    public static IEnumerable<ValidationError> Validate(string field, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            yield return new(field, $"must be at least {MinimumLength} characters.");
        }
        else if (password.Length > MaximumLength)
        {
            yield return new(field, $"must be at most {MaximumLength} characters.");
        }
    }

    public static Agent NewAgent(IPasswordHasher<Agent> hasher, string email, string name, AgentRole role, int capacity, IReadOnlyList<string> queues, string password, DateTimeOffset now)
    {
        var agent = new Agent(Ids.New(), email.Trim().ToLowerInvariant(), name.Trim(), role, capacity, queues, "", NewStamp(), now);
        return agent with { PasswordHash = hasher.HashPassword(agent, password) };
    }

    public static string NewStamp() => Guid.NewGuid().ToString("N");
}
