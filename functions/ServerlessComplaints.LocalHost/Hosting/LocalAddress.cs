namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>The address the service listens on, known once Kestrel has bound (port 0 in tests).</summary>
public sealed class LocalAddress
{
    private readonly TaskCompletionSource<string> _baseUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> BaseUrl => _baseUrl.Task;

    public void Set(string baseUrl) => _baseUrl.TrySetResult(baseUrl.TrimEnd('/'));
}
