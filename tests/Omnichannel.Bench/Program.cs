using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Omnichannel.Bench;
using Omnichannel.Bench.Simulation;
using Omnichannel.Bench.WebChat;

// --simulate-week and --webchat are modes of their own with their own options (SimulationOptions, WebChatOptions).
var simulate = args.Contains(SimulationCommand.Flag);
var webChat = args.Contains(WebChatCommand.Flag);
var search = args.Contains(SearchCommand.Flag);
var error = "";
var options = simulate || webChat || search ? new BenchOptions() : BenchOptions.Parse(args, out error);
if (options is null)
{
    Console.Error.WriteLine(error.Length > 0 ? error + Environment.NewLine : "");
    Console.Error.WriteLine(BenchOptions.Usage);
    return error.Length > 0 ? 2 : 0;
}

using var cancellation = new CancellationTokenSource();

// Ctrl+C or a kill: cancel, so the finally blocks stop Garnet, redis-server and the server process instead of
// leaving them running (the default for SIGTERM would end the process without running them).
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Warning)
    .AddFilter("Garnet.ArgParser", LogLevel.Error));

try
{
    if (simulate)
    {
        return await SimulationCommand.RunAsync([.. args.Where(a => a != SimulationCommand.Flag)], loggerFactory, Console.Out, cancellation.Token);
    }

    if (search)
    {
        return await SearchCommand.RunAsync([.. args.Where(a => a != SearchCommand.Flag)], Console.Out, cancellation.Token);
    }

    if (webChat)
    {
        return await WebChatCommand.RunAsync([.. args.Where(a => a != WebChatCommand.Flag)], loggerFactory, Console.Out, cancellation.Token);
    }

    var machine = MachineInfo.Describe(options);
    var rows = await new BenchRunner(options, loggerFactory, Console.Out).RunAsync(cancellation.Token);
    Report.Write(Console.Out, options, machine, rows);
    return rows.All(r => r.Succeeded) ? 0 : 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
