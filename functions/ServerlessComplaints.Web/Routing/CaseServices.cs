using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Web.Routing;

/// <summary>
/// The Workflow's case services for one request, composed around the workflow client the host handed in: the
/// client is an explicit argument, never an ambient one; everything else comes from the host's services.
/// </summary>
public sealed class CaseServices(IServiceProvider services, IWorkflowClient workflow)
{
    private IntakeHandler? _intake;

    public IntakeHandler Intake => _intake ??= Create<IntakeHandler>(Create<CaseIntake>(workflow));

    public StatusHandler Status => Create<StatusHandler>(workflow);

    public StaffHandler Staff => Create<StaffHandler>(workflow, Intake);

    public StaffCaseViews StaffCase => Create<StaffCaseViews>(workflow);

    public ActionLinkHandler ActionLinks => Create<ActionLinkHandler>(workflow);

    public Workflow.Recourse.CustomerRecourse Recourse => Create<Workflow.Recourse.CustomerRecourse>(workflow);

    public InboundEmailHandler InboundEmail => Create<InboundEmailHandler>(workflow, Create<InboundCaseOpener>(Intake));

    private T Create<T>(params object[] arguments) => ActivatorUtilities.CreateInstance<T>(services, arguments);
}
