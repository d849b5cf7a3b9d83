using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SendGrid;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Security;
using ServerlessComplaints.Workflow.Setup;

// The Azure Functions host: the Workflow library's services on managed-identity storage, Durable Functions as the runtime.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ActivityFailureCounter>(); // activity failures counted as the local service counts them

// An unresolved Key Vault reference arrives as its literal text: never run with that as a key.
KeyVaultReferences.ThrowIfUnresolved(builder.Configuration);

var settings = new ComplaintCentreSettings();
builder.Configuration.Bind(settings);
var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = builder.Configuration["AzureWebJobsStorage:clientId"] });
var tables = new TableServiceClient(new Uri(builder.Configuration["AzureWebJobsStorage:tableServiceUri"]!), credential);
var blobs = new BlobServiceClient(new Uri(builder.Configuration["AzureWebJobsStorage:blobServiceUri"]!), credential);

builder.Services.AddComplaintWorkflow(settings);
builder.Services.AddAzureCaseStores(tables, blobs);
var idempotency = new TableIdempotencyStore(tables);
var nonces = new TableActionNonceStore(tables);
var inboundLog = new TableInboundMessageLog(tables);
builder.Services.AddSingleton<IIdempotencyStore>(idempotency);
builder.Services.AddSingleton<IActionNonceStore>(nonces);
builder.Services.AddSingleton<IInboundMessageLog>(inboundLog);
builder.Services.AddSingleton<ISendGridClient>(new SendGridClient(builder.Configuration["SendGrid:ApiKey"]));
builder.Services.AddSingleton<IMailer, SendGridMailer>();
builder.Services.AddComplaintCentreWeb(builder.Configuration);
builder.Services.AddSharedKeyRing(blobs, builder.Configuration); // staff sessions and antiforgery tokens valid on every instance
builder.Services.AddStaffIdentity();
builder.Services.AddFunctionsTelemetry(builder.Configuration, credential); // Azure Monitor in Azure (Bicep sets the connection string), OTLP when configured
builder.Services.AddEntryPointHardening();

var app = builder.Build();
await app.Services.EnsureAzureCaseStoresAsync(CancellationToken.None);
await idempotency.EnsureCreatedAsync(CancellationToken.None);
await nonces.EnsureCreatedAsync(CancellationToken.None);
await inboundLog.EnsureCreatedAsync(CancellationToken.None);
await app.RunAsync();
