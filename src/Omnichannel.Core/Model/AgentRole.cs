namespace Omnichannel.Core.Model;

public enum AgentRole
{
    Agent,
    Lead,
    Admin,
}
