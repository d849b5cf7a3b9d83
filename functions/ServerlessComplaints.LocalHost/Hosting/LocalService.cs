using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenTelemetry;
using ServerlessComplaints.Durable.Core;
using ServerlessComplaints.LocalHost.Azurite;
using ServerlessComplaints.LocalHost.Mail;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Web.Staff.Oidc;
using ServerlessComplaints.Web.Telemetry;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Diagnostics;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Security;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// The local service, started and stopped as one: Azurite (unless a connection string is configured), the web app
/// with every route of DESIGN.md §3, and the Durable Task engine (DurableTask.Core's TaskHubWorker on the Azure Storage
/// backend, the engine Durable Functions runs), which runs every case.
/// </summary>
public sealed class LocalService : IAsyncDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The telemetry's service.name unless OTEL_SERVICE_NAME says otherwise.</summary>
    public const string ServiceName = "serverless-complaints-local";

    private LocalService(WebApplication app, AzuriteProcess? azurite, string baseUrl, IReadOnlyDictionary<string, string> staffKeys, string dataDirectory)
    {
        App = app;
        Azurite = azurite;
        BaseUrl = baseUrl;
        StaffKeys = staffKeys;
        DataDirectory = dataDirectory;
    }

    public WebApplication App { get; }

    public AzuriteProcess? Azurite { get; }

    public string BaseUrl { get; }

    public IReadOnlyDictionary<string, string> StaffKeys { get; }

    public string DataDirectory { get; }

    /// <summary>True when <see cref="StaffKeys"/> are the generated dev keys (the banner shows only those, never configured ones).</summary>
    public bool StaffKeysGenerated { get; private init; }

    /// <param name="telemetryExporters">More exporters (the tests' in-memory one); telemetry is on when given.</param>
    public static async Task<LocalService> StartAsync(string[] args, Action<string>? progress = null, CancellationToken cancellationToken = default, Action<OpenTelemetryBuilder>? telemetryExporters = null)
    {
        // appsettings.json (request logging below Information by default) sits beside the app, whatever the working directory.
        // Development unless configured otherwise: a local service generates its dev secrets; any other environment must configure them.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, EnvironmentName = EnvironmentOf(args) });
        var urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : builder.Configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrEmpty(urls))
        {
            urls = DefaultUrl;
            builder.WebHost.UseUrls(DefaultUrl);
        }

        ListenPorts.EnsureFree(urls); // before Azurite starts: a busy port is one line and an exit, at once

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32 * 1024 * 1024);
        var local = builder.Configuration.GetSection(LocalServiceOptions.SectionName).Get<LocalServiceOptions>() ?? new LocalServiceOptions();
        local.ValidateEngine();
        var root = RepositoryPaths.Root();
        var dataDirectory = PrivateDirectory.Ensure(local.DataDirectory ?? Path.Combine(root, ".data"));
        AzuriteProcess? azurite = null;
        var connectionString = local.StorageConnectionString;
        if (string.IsNullOrEmpty(connectionString))
        {
            EngineDataReset.ResetIfFromEmbeddedEngine(dataDirectory, progress);
            azurite = await AzuriteProcess.StartAsync(
                new AzuriteOptions { RepositoryRoot = root, DataDirectory = Path.Combine(dataDirectory, "azurite"), BlobPort = local.AzuriteBlobPort, QueuePort = local.AzuriteQueuePort, TablePort = local.AzuriteTablePort, Progress = progress },
                cancellationToken);
            connectionString = azurite.ConnectionString;
        }

        try
        {
            var settings = new ComplaintCentreSettings();
            builder.Configuration.Bind(settings);
            var configuredKeys = builder.Configuration.GetSection("Staff:ApiKeys").Get<Dictionary<string, string>>() ?? [];
            IReadOnlyDictionary<string, string> staffKeys = configuredKeys;
            var devKeys = false;
            if (builder.Environment.IsDevelopment())
            {
                // Outside Development a missing secret stops the start (SurfaceSecrets, validated at start) instead.
                var secrets = DevSecrets.LoadOrCreate(Path.Combine(dataDirectory, "dev-secrets.json"), settings.StaffDirectory.Staff.Select(s => s.Id));
                devKeys = configuredKeys.Count == 0;
                staffKeys = devKeys ? secrets.StaffApiKeys : configuredKeys;
                UseDevSecrets(builder.Configuration, settings, secrets);
            }

            var publicUrlConfigured = !string.IsNullOrEmpty(builder.Configuration["Notifications:PublicBaseUrl"]);
            Register(builder.Services, builder.Configuration, settings, local, connectionString, staffKeys);
            // Traces, metrics and logs: OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, Azure Monitor with a connection string, else off.
            builder.Services.AddComplaintCentreTelemetry(builder.Configuration, ServiceName, exporters: telemetryExporters);
            builder.Services.AddCredentialRedaction(); // no action, evidence or status-link credential in any log line, at any level
            if (string.IsNullOrEmpty(builder.Configuration[$"{DurableTaskOptions.SectionName}:{nameof(DurableTaskOptions.TaskHubName)}"]) && local.TablePrefix.Length > 0)
            {
                // Services sharing one storage account under different table prefixes get task hubs of their own too.
                builder.Services.PostConfigure<DurableTaskOptions>(o => o.TaskHubName = local.TablePrefix + "Hub");
            }

            var app = builder.Build();
            await EnsureStorageAsync(app.Services, cancellationToken);
            Map(app);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex) when (ListenPorts.Translate(ex, urls) is { } inUse)
            {
                throw inUse; // taken between the check and Kestrel's bind
            }

            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            if (!publicUrlConfigured)
            {
                settings.Notifications.PublicBaseUrl = baseUrl;
            }

            app.Services.GetRequiredService<LocalAddress>().Set(baseUrl);
            if (azurite is not null)
            {
                EngineDataReset.MarkDurableTask(dataDirectory);
            }

            return new LocalService(app, azurite, baseUrl, staffKeys, dataDirectory) { StaffKeysGenerated = devKeys };
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!App.Lifetime.ApplicationStopped.IsCancellationRequested)
        {
            await App.StopAsync(); // not again after Ctrl+C: the host has stopped every service once already
        }

        await App.DisposeAsync();
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }

    private static string EnvironmentOf(string[] args)
    {
        var index = Array.FindIndex(args, a => a is "--environment" or "--Environment");
        return index >= 0 && index + 1 < args.Length ? args[index + 1]
            : Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Development;
    }

    private static void UseDevSecrets(IConfiguration configuration, ComplaintCentreSettings settings, DevSecrets secrets)
    {
        if (string.IsNullOrEmpty(configuration["Security:StatusLinkKey"]))
        {
            settings.Security.StatusLinkKey = secrets.StatusLinkKey;
        }

        if (!configuration.GetSection("ActionTokens:Keys").GetChildren().Any())
        {
            settings.ActionTokens.Keys.Clear();
            settings.ActionTokens.Keys["dev"] = secrets.ActionTokenKey;
            settings.ActionTokens.ActiveKeyId = "dev";
        }

        if (string.IsNullOrEmpty(configuration["InboundEmail:Secret"]))
        {
            settings.InboundEmail.Secret = secrets.InboundEmailSecret;
        }
    }

    private static void Register(IServiceCollection services, IConfiguration configuration, ComplaintCentreSettings settings, LocalServiceOptions local, string connectionString, IReadOnlyDictionary<string, string> staffKeys)
    {
        var blobs = StorageClients.Blobs(connectionString);
        services.AddComplaintWorkflow(settings);
        services.AddComplaintCentreWeb(configuration);
        services.AddSharedKeyRing(blobs, configuration); // sessions and antiforgery tokens outlive restarts and work on every node
        services.AddStaffOidc(configuration); // staff sign-in with the organisation's OpenID Connect provider, when StaffOidc is set
        services.AddAzureCaseStores(StorageClients.Tables(connectionString), blobs, local.TablePrefix, local.EvidenceContainer);
        services.AddSingleton(sp => new TableIdempotencyStore(sp.GetRequiredService<TableServiceClient>(), local.TablePrefix));
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<TableIdempotencyStore>());
        services.AddSingleton(sp => new TableActionNonceStore(sp.GetRequiredService<TableServiceClient>(), local.TablePrefix));
        services.AddSingleton<IActionNonceStore>(sp => sp.GetRequiredService<TableActionNonceStore>());
        services.AddSingleton(sp => new TableInboundMessageLog(sp.GetRequiredService<TableServiceClient>(), local.TablePrefix));
        services.AddSingleton<IInboundMessageLog>(sp => sp.GetRequiredService<TableInboundMessageLog>());
        services.AddSingleton(sp => new DevMailStore(sp.GetRequiredService<TableServiceClient>(), local.TablePrefix));
        services.AddSingleton<LocalAddress>();
        services.AddSingleton(new MailSinkFaults(local.MailSinkFailures));
        services.AddSingleton<IMailer, LocalSinkMailer>();
        services.AddSingleton(sp => new StaffAuthenticator(sp.GetRequiredService<StaffDirectory>(), staffKeys));
        services.AddSingleton<IStaffSignIn, ApiKeyStaffSignIn>();
        services.AddDurableTaskEngine(connectionString);
        services.AddRetentionSweep(blobs, local.TablePrefix); // one node at a time sweeps
    }

    private static async Task EnsureStorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.EnsureAzureCaseStoresAsync(cancellationToken);
        await services.GetRequiredService<TableIdempotencyStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<TableActionNonceStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<TableInboundMessageLog>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<DevMailStore>().EnsureCreatedAsync(cancellationToken);
    }

    private static void Map(WebApplication app)
    {
        app.UseSecurityHeaders(); // first, so 404s and the local-only routes carry the headers too
        // The route table handles its own failures; this covers the local-only routes with the same mapping.
        app.UseExceptionHandler(error => error.Run(context =>
            (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is { } exception
                ? WebProblems.ForException(exception, page: false)
                : WebProblems.Failure(page: false, StatusCodes.Status500InternalServerError, WebProblems.Kinds.Unexpected)).ExecuteAsync(context)));
        app.UseStatusCodePages();
        app.UseStaffOidc(); // the provider's answer at /staff/sign-in/oidc, when StaffOidc is set
        app.MapComplaintCentre();
        app.MapMailSink(); // local only: the SendGrid-compatible sink and the dev mailbox
    }
}
