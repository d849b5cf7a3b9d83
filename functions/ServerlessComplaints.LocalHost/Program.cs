using ServerlessComplaints.LocalHost.Demo;
using ServerlessComplaints.LocalHost.Hosting;

// The local service: Azurite, the web app and the Durable Task engine, stopped together on Ctrl+C.
Console.OutputEncoding = System.Text.Encoding.UTF8;
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
    await service.App.WaitForShutdownAsync();
    Console.WriteLine("Stopping the service and Azurite…");
    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.Sockets.SocketException or Microsoft.Extensions.Options.OptionsValidationException)
{
    Console.Error.WriteLine($"The service could not start: {ex.Message}");
    return 1;
}
