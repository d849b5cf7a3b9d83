using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessComplaints.Workflow.Activities;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Retention;
using ServerlessComplaints.Workflow.Security;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.Setup;

/// <summary>Registers the complaint domain services and activities; each host adds its stores and runtime.</summary>
public static class ComplaintWorkflowServices
{
    public static IServiceCollection AddComplaintWorkflow(this IServiceCollection services, ComplaintCentreSettings settings)
    {
        // Both hosts start here: GB2312, GBK, GB18030 and Big5 mail decodes only once the code pages are registered.
        InboundCharsets.EnsureRegistered();
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid complaint centre settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)));
        }

        var calendar = BusinessCalendar.LoadRegion(settings.Sla.Region, settings.CalendarDirectory);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Sla);
        services.AddSingleton(settings.Assessment);
        services.AddSingleton(settings.StaffDirectory);
        services.AddSingleton(settings.Authority);
        services.AddSingleton(settings.Intake);
        services.AddSingleton(settings.Workflow);
        services.AddSingleton(settings.Notifications);
        services.AddSingleton(settings.Retention);
        services.AddSingleton(calendar);
        services.AddSingleton(new SlaClock(calendar, settings.Sla));

        // One resource set for pages and mail: IStringLocalizer<CaseTexts>; times in the centre's zone; timeline sentences.
        services.AddLocalization();
        services.AddSingleton(new CaseTimes(calendar));
        services.AddSingleton<TimelineText>();
        services.AddSingleton(new StaffDirectory(settings.StaffDirectory));
        services.AddSingleton(new AuthorityMatrix(settings.Authority));
        services.AddSingleton(new InitialAssessment(settings.Assessment));
        services.AddSingleton(new IntakeValidator(settings.Intake));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings.Security);
        services.AddSingleton<StatusLinks>();
        services.AddSingleton(settings.ActionTokens);
        services.AddSingleton<ActionTokens>();
        services.AddSingleton<EvidenceLinks>();
        services.AddSingleton<Authorization.CaseAuthorization>();
        services.AddSingleton<CaseContextReader>();
        services.AddSingleton<ActionLinkHandler>();
        services.AddSingleton(new EvidenceInspector(settings.Intake));
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<IntakeIdempotency>();
        services.AddSingleton<CaseIntake>();
        services.AddSingleton<IntakeHandler>();
        services.AddSingleton<StatusHandler>();
        services.AddSingleton<CurrentDeadlines>();
        services.AddSingleton<Recourse.CustomerRecourse>();
        services.AddSingleton<CaseReassignment>();
        services.AddSingleton<StaffHandler>();
        services.AddSingleton(new SlaCountdowns(calendar));
        services.AddSingleton<RetentionSweep>();
        services.AddSingleton<FailedCaseRecorder>();
        services.AddSingleton(settings.InboundEmail);
        services.AddSingleton<InboundEmailParser>();
        services.AddSingleton<InboundEvidence>();
        services.AddSingleton<InboundCaseNotes>();
        services.AddSingleton<CustomerMessageMail>();
        services.AddSingleton<InboundReplyRecorder>();
        services.AddSingleton<InboundCaseOpener>();
        services.AddSingleton<InboundEmailHandler>();
        foreach (var activity in ComplaintActivities.All.Values)
        {
            services.AddTransient(activity);
        }

        return services;
    }

    /// <summary>Stores, outbox and mailbox in memory: for tests and demos.</summary>
    public static IServiceCollection AddInMemoryCaseStores(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryComplaintStore>();
        services.AddSingleton<IComplaintStore>(sp => sp.GetRequiredService<InMemoryComplaintStore>());
        services.AddSingleton<ICustomerCases>(sp => sp.GetRequiredService<InMemoryComplaintStore>());
        services.AddSingleton<IStaffQueue>(sp => new InMemoryStaffQueue(
            sp.GetRequiredService<InMemoryComplaintStore>(), sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDashboard>(sp => new InMemoryDashboard(
            sp.GetRequiredService<InMemoryComplaintStore>(), sp.GetRequiredService<BusinessCalendar>()));
        services.AddSingleton<InMemoryTimelineStore>();
        services.AddSingleton<ITimelineStore>(sp => sp.GetRequiredService<InMemoryTimelineStore>());
        services.AddSingleton<INotificationOutbox, InMemoryNotificationOutbox>();
        services.AddSingleton<InMemoryMailbox>();
        services.AddSingleton<IMailer>(sp => sp.GetRequiredService<InMemoryMailbox>());
        services.AddSingleton<IEvidenceStore, InMemoryEvidenceStore>();
        services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.AddSingleton<IActionNonceStore, InMemoryActionNonceStore>();
        services.AddSingleton<IInboundMessageLog, InMemoryInboundMessageLog>();
        services.AddSingleton<InMemoryDeletionLog>();
        services.AddSingleton<IDeletionLog>(sp => sp.GetRequiredService<InMemoryDeletionLog>());
        return services;
    }
}
