namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>The address the service listens on, known once Kestrel has bound (port 0 in tests).</summary>
public sealed class LocalAddress
{
    private readonly TaskCompletionSource<string> _baseUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> BaseUrl => _baseUrl.Task;

    /// <summary>
    /// The same address on loopback, for the service calling itself (its mail sink answers loopback only): a
    /// wildcard binding (0.0.0.0, [::]) becomes 127.0.0.1 or [::1].
    /// </summary>
    public async Task<string> LoopbackUrlAsync()
    {
        var url = new UriBuilder(await BaseUrl);
        url.Host = url.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            var host => host,
        };
        return url.Uri.GetLeftPart(UriPartial.Authority);
    }

    public void Set(string baseUrl) => _baseUrl.TrySetResult(baseUrl.TrimEnd('/'));
}
