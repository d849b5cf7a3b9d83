namespace ServerlessComplaints.Harness.Activities;

/// <summary>Runs an activity by name with JSON input and output; throws when the activity fails.</summary>
public interface IActivityInvoker
{
    Task<string?> InvokeAsync(string name, string? inputJson, CancellationToken cancellationToken);
}
