using System.Security.Cryptography;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Omnichannel.Core.Assignment;
using Omnichannel.Core.Events;
using Omnichannel.Core.Features;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Demo;

public sealed class DemoSeeder(
    IConfiguration configuration,
    IAgentStore agents,
    IQueueStore queues,
    IShiftStore shifts,
    IConversationStore conversations,
    IPasswordHasher<Agent> hasher,
    IMediator mediator,
    TimeProvider time,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public const string Key = "Omnichannel:Demo:Seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>(Key))
        {
            return;
        }

        var existing = await conversations.ListConversationsAsync(new ConversationQuery(ConversationView.All, null, null, null, null, 1), cancellationToken);
        if (existing.Items.Count > 0)
        {
            logger.LogInformation("Demo seed skipped: the workspace already has conversations");
            return;
        }

        var now = time.GetUtcNow();
        var people = await CreateAgentsAsync(now, cancellationToken);
        await CreateQueuesAndShiftsAsync(people, now, cancellationToken);
        await CreateConversationsAsync(people, cancellationToken);
        logger.LogWarning("Demo workspace created. Sign in with any of these (shown once): {Accounts}",
            string.Join("; ", people.Select(p => $"{p.Agent.Email} / {p.Password} ({p.Agent.Role}, {p.Shift})")));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record Person(Agent Agent, string Password, string Shift);

    private async Task<List<Person>> CreateAgentsAsync(DateTimeOffset now, CancellationToken ct)
    {
        (string Name, AgentRole Role, string Shift, string[] Queues)[] team =
        [
            ("Lea Lead", AgentRole.Lead, "night", ["default", "l2"]),
            ("Ana Day", AgentRole.Agent, "day", ["default"]),
            ("Ben Day", AgentRole.Agent, "day", ["default"]),
            ("Cleo Evening", AgentRole.Agent, "evening", ["default"]),
            ("Dev Evening", AgentRole.Agent, "evening", ["default", "l2"]),
            ("Eli Night", AgentRole.Agent, "night", ["default"]),
            ("Finn Expert", AgentRole.Agent, "day", ["l2"]),
        ];
        var people = new List<Person>();
        foreach (var (name, role, shift, queueIds) in team)
        {
            var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
            var email = name.Split(' ')[0].ToLowerInvariant() + "@demo.example";
            var agent = AgentPasswords.NewAgent(hasher, email, name, role, capacity: role == AgentRole.Lead ? 3 : 6, queueIds, password, now);
            if (await agents.TryCreateAsync(agent, ct))
            {
                people.Add(new Person(agent, password, shift));
            }
        }

        return people;
    }

    private async Task CreateQueuesAndShiftsAsync(List<Person> people, DateTimeOffset now, CancellationToken ct)
    {
        await queues.SaveAsync(new QueueSettings("default", "L1 — first line", QueuePolicy.RoundRobin, HandoverPolicy.RequeueWhenOffline, 30, [], now, now),
            [.. people.Where(p => p.Agent.Queues.Contains("default")).Select(p => p.Agent.Id)], createOnly: false, "system", now, ct);
        await queues.SaveAsync(new QueueSettings("l2", "L2 — escalations", QueuePolicy.Balanced, HandoverPolicy.Keep, null, [], now, now),
            [.. people.Where(p => p.Agent.Queues.Contains("l2")).Select(p => p.Agent.Id)], createOnly: false, "system", now, ct);

        string[] week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        foreach (var (id, name, start, end) in new[] { ("day", "Day", "06:00", "14:00"), ("evening", "Evening", "14:00", "22:00"), ("night", "Night", "22:00", "06:00") })
        {
            var definition = new ShiftDefinition(name, "Europe/Berlin", [new ShiftPeriodDefinition(week, start, end)],
                Members: [.. people.Where(p => p.Shift == id).Select(p => p.Agent.Id)]);
            await shifts.SaveAsync(definition.ToShift(id), now, ct);
        }

        // The assignment engine recomputes the members' on-shift windows.
        await mediator.Publish(new ShiftsChanged([.. people.Select(p => p.Agent.Id)], "system"), ct);
    }

    private async Task CreateConversationsAsync(List<Person> people, CancellationToken ct)
    {
        var lead = people.First(p => p.Agent.Role == AgentRole.Lead).Agent;
        Agent Who(string first) => people.First(p => p.Agent.Name.StartsWith(first, StringComparison.Ordinal)).Agent;
        var script = DemoScript.Conversations;
        for (var i = 0; i < script.Count; i++)
        {
            var c = script[i];
            string? conversationId = null;
            for (var m = 0; m < c.CustomerMessages.Count; m++)
            {
                var result = await mediator.Send(new IngestMessage(new InboundMessage
                {
                    Channel = c.Channel,
                    Account = c.Channel == ChannelNames.Email ? "support" : "demo",
                    ExternalId = $"demo-{i}-{m}",
                    Sender = new ContactIdentity(c.IdentityKind, c.Identity),
                    SenderName = c.Customer,
                    Subject = c.Subject,
                    Text = c.CustomerMessages[m],
                    Queue = c.Queue,
                }), ct);
                conversationId = result.ConversationId;
            }

            if (c.Agent is { } first)
            {
                var agent = Who(first);
                var actor = new Actor(AuthorKind.Agent, lead.Id, lead.Name);
                await mediator.Send(new AssignConversation(conversationId!, agent.Id, AssignmentReasons.Manual, actor, "demo"), ct);
                var author = new Actor(AuthorKind.Agent, agent.Id, agent.Name);
                if (c.Note is { } note)
                {
                    await mediator.Send(new AddPrivateNote(conversationId!, author, note), ct);
                }

                if (c.Reply is { } reply)
                {
                    var sent = await mediator.Send(new SendReply(conversationId!, author, reply), ct);
                    await mediator.Send(new RecordDelivery(conversationId!, sent!.MessageId, DeliveryState.Sent, null), ct);
                }

                if (c.Resolved)
                {
                    await mediator.Send(new ChangeStatus(conversationId!, ConversationStatus.Resolved, null, author), ct);
                }
            }
        }
    }
}
