using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Agents;

/// <summary>What creating and updating an agent check alike: role, capacity and queues.</summary>
internal static class AgentSettingsRules
{
    public const int MaxQueues = 50;

    public static IEnumerable<ValidationError> Validate(int? capacity, IReadOnlyList<string>? queues, AgentRole? role)
    {
        foreach (var error in InputRules.Defined("role", role))
        {
            yield return error;
        }

        if (capacity is < 0 or > AgentsApi.MaxCapacity)
        {
            yield return new("capacity", $"must be between 0 and {AgentsApi.MaxCapacity}.");
        }

        foreach (var error in InputRules.SlugList("queues", queues, MaxQueues))
        {
            yield return error;
        }
    }

    /// <summary>Queues named that do not exist; only reached with well-formed ids (an id names a key).</summary>
    public static async Task<IReadOnlyList<ValidationError>> UnknownQueuesAsync(
        IReadOnlyList<string>? ids, IQueueStore queues, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            if (Ids.IsWellFormed(ids![i]) && await queues.GetAsync(ids[i], cancellationToken) is null)
            {
                errors.Add(new($"queues[{i}]", "no queue with this id (create it with PUT /api/queues/{id})."));
            }
        }

        return errors;
    }
}
