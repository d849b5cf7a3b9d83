using ServerlessComplaints.LocalHost.Demo;
using ServerlessComplaints.LocalHost.Hosting;

// The local service: Azurite, the web app and the Durable Task engine, stopped together on Ctrl+C.
Console.OutputEncoding = System.Text.Encoding.UTF8;
args = ConsoleVerbosity.Apply(args); // --verbose: request and hosting logs at Information too
if (args.Contains("--demo-sla"))
{
    // The real service on the Durable Task engine with an SLA of seconds: reminders and an escalation arrive as you watch.
    Console.WriteLine("ServerlessComplaints SLA demo: one complaint whose owner lets the investigation deadline pass, on the real engine");
    Console.WriteLine();
    return await new SlaDemo(Console.Out).RunAsync([.. args.Where(a => a != "--demo-sla")]);
}

if (args.Contains("--demo"))
{
    // The real service over HTTP with compressed durations, on a throw-away Azurite data folder.
    return await new ServiceDemo(Console.Out).RunAsync([.. args.Where(a => a != "--demo")]);
}

try
{
    await using var service = await LocalService.StartAsync([.. args.Where(a => a != "--demo")], line => Console.WriteLine(line));
    StartupBanner.Print(Console.Out, service);
    // Said when Ctrl+C arrives: the engine drains its work first, which takes a few seconds.
    service.App.Lifetime.ApplicationStopping.Register(() => Console.WriteLine("Stopping the service (the engine finishes its work in hand), then Azurite…"));
    await service.App.WaitForShutdownAsync();
    return 0;
}
catch (PortInUseException ex)
{
    Console.Error.WriteLine(ex.Message); // the whole story in one line: which port, and what to run instead
    return 1;
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.Sockets.SocketException or Microsoft.Extensions.Options.OptionsValidationException)
{
    Console.Error.WriteLine($"The service could not start: {ex.Message}");
    return 1;
}
