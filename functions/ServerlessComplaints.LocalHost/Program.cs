using ServerlessComplaints.LocalHost.Demo;

// Until the web host lands, the local service runs the demo: one complaint through every stage on a simulated clock.
Console.OutputEncoding = System.Text.Encoding.UTF8;
Console.WriteLine("ServerlessComplaints — demo of the complaint workflow on the embedded runtime (simulated clock, Asia/Shanghai)");
Console.WriteLine();
return await new DemoScript(Console.Out).RunAsync();
