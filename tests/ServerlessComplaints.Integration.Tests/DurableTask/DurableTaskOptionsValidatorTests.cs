using ServerlessComplaints.Durable.Core;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>The DurableTask section's rules: the defaults pass; each setting the backend would reject, or that stalls the worker, is named.</summary>
public class DurableTaskOptionsValidatorTests
{
    private static readonly DurableTaskOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(Validator.Validate(null, new DurableTaskOptions()).Succeeded);

    [Theory]
    [InlineData(0, 32)]
    [InlineData(33, 64)]
    [InlineData(16, 8)]
    public void Validate_ControlQueueBatchOutOfRangeOrAboveTheBuffer_Refused(int batch, int buffer)
    {
        var result = Validator.Validate(null, new DurableTaskOptions { ControlQueueBatchSize = batch, ControlQueueBufferThreshold = buffer });

        Assert.True(result.Failed);
        Assert.Contains("ControlQueueBatchSize must be between 1 and 32", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(32, 32)]
    [InlineData(8, 200)]
    public void Validate_ControlQueueBatchWithinRangeAndBufferAtLeastAsLarge_Succeed(int batch, int buffer) =>
        Assert.True(Validator.Validate(null, new DurableTaskOptions { ControlQueueBatchSize = batch, ControlQueueBufferThreshold = buffer }).Succeeded);

    [Fact]
    public void Validate_EveryOtherBadSetting_EachNamed()
    {
        var result = Validator.Validate(null, new DurableTaskOptions
        {
            TaskHubName = "9hub", PartitionCount = 17, MaxConcurrentActivities = 0,
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(4), LeaseRenewInterval = TimeSpan.FromSeconds(30), StopTimeout = TimeSpan.Zero,
        });

        Assert.Equal(
            ["TaskHubName", "PartitionCount", "MaxConcurrentActivities", "must be positive", "VisibilityTimeout", "LeaseRenewInterval"],
            new[] { "TaskHubName", "PartitionCount", "MaxConcurrentActivities", "must be positive", "VisibilityTimeout", "LeaseRenewInterval" }
                .Where(part => result.Failures!.Any(f => f.Contains(part, StringComparison.Ordinal))));
        Assert.Equal(6, result.Failures!.Count());
    }
}
