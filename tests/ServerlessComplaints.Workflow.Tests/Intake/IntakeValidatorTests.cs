using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using static ServerlessComplaints.Workflow.Tests.Intake.IntakeSamples;

namespace ServerlessComplaints.Workflow.Tests.Intake;

public sealed class IntakeValidatorTests
{
    [Fact]
    public void Validate_DesignExample_BuildsExpectedDetails()
    {
        var evidence = new[] { $"{SampleTrackingNumber}/1-receipt.jpg" };
        var context = new IntakeContext(Channel.Web, SampleTrackingNumber, ReceivedAtUtc, EvidenceBlobNames: evidence);

        var result = Validator.Validate(Chinese(), context);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var expected = new ComplaintDetails(
            SampleTrackingNumber, ComplaintKind.Complaint, Category.ProductQuality, Channel.Web,
            "电饭煲使用两天后无法加热", "11月20日在浦东店购买……",
            new Customer("王芳", "wang.fang@example.cn", "+86 138 0000 0000"), CaseLanguage.Chinese, ReceivedAtUtc,
            "浦东店", "SO-88231", new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(8)), RemedyType.Exchange,
            evidence, null);
        Assert.Equal(expected, result.Details);
        Assert.Equal(TimeSpan.FromHours(8), result.Details!.OccurredAt!.Value.Offset);
    }

    [Fact]
    public void Validate_NullSubmission_ReportsMissingBody()
    {
        var result = Validator.Validate(null, Context());

        Assert.False(result.IsValid);
        Assert.Equal(("", "A request body is required."), SingleError(result));
    }

    [Fact]
    public void Validate_StaffContext_CarriesLoggedByAndEmptyEvidence()
    {
        var context = new IntakeContext(Channel.Counter, SampleTrackingNumber, ReceivedAtUtc, LoggedBy: "staff-007");

        var details = Validator.Validate(Chinese(), context).Details!;

        Assert.Equal("staff-007", details.LoggedBy);
        Assert.Equal(Channel.Counter, details.Channel);
        Assert.NotNull(details.EvidenceBlobNames);
        Assert.Empty(details.EvidenceBlobNames);
    }

    [Theory]
    [InlineData("kind", null, "Kind is required.")]
    [InlineData("kind", "  ", "Kind is required.")]
    [InlineData("kind", "praise", "Kind must be one of: complaint, inquiry, suggestion.")]
    [InlineData("category", null, "Category is required.")]
    [InlineData("category", "product_quality", "Category must be one of: product-quality, service-attitude, delivery, price, facilities, other.")]
    [InlineData("desiredRemedy", "cash", "Desired remedy must be one of: refund, exchange, repair, compensation, coupon, apology, explanation.")]
    [InlineData("subject", null, "Subject is required.")]
    [InlineData("subject", " \t ", "Subject is required.")]
    [InlineData("description", "", "Description is required.")]
    [InlineData("customer.name", "  ", "Customer name is required.")]
    [InlineData("occurredAt", "2026-11-20 10:30", "Occurred at must be an ISO 8601 date and time with an offset, e.g. 2026-11-20T10:30:00+08:00.")]
    [InlineData("occurredAt", "2026-11-20T10:30:00", "Occurred at must be an ISO 8601 date and time with an offset, e.g. 2026-11-20T10:30:00+08:00.")]
    [InlineData("occurredAt", "2026-13-20T10:30:00+08:00", "Occurred at must be an ISO 8601 date and time with an offset, e.g. 2026-11-20T10:30:00+08:00.")]
    [InlineData("occurredAt", "2026-11-22T02:00:01Z", "Occurred at must not be in the future.")]
    [InlineData("language", "fr", "Language must be zh-CN or en.")]
    public void Validate_BadField_ReportsErrorUnderItsKey(string key, string? value, string message)
    {
        var result = Validate(With(key, value));

        Assert.False(result.IsValid);
        Assert.Equal((key, message), SingleError(result));
    }

    [Theory]
    [InlineData("subject", 200, "Subject must be at most 200 characters.")]
    [InlineData("description", 10_000, "Description must be at most 10000 characters.")]
    [InlineData("customer.name", 100, "Customer name must be at most 100 characters.")]
    [InlineData("location", 200, "Location must be at most 200 characters.")]
    [InlineData("orderReference", 100, "Order reference must be at most 100 characters.")]
    public void Validate_FieldOverLimit_ReportsLength(string key, int limit, string message)
    {
        var atLimit = Validate(With(key, new string('字', limit)));

        var overLimit = Validate(With(key, new string('字', limit + 1)));

        Assert.True(atLimit.IsValid);
        Assert.Equal((key, message), SingleError(overLimit));
    }

    [Theory]
    [InlineData("subject", "Subject")]
    [InlineData("customer.name", "Customer name")]
    [InlineData("customer.email", "Customer email")]
    [InlineData("customer.phone", "Customer phone")]
    [InlineData("location", "Location")]
    [InlineData("orderReference", "Order reference")]
    public void Validate_LineBreakInSingleLineField_ReportsSingleLine(string key, string label)
    {
        var result = Validate(With(key, "wang.fang@example.cn\r\nBcc: victim@example.com"));

        Assert.Equal((key, $"{label} must be a single line."), SingleError(result));
    }

    [Theory]
    [InlineData("subject", "Subject", "电饭煲\t无法加热")]
    [InlineData("location", "Location", "浦东\u0000店")]
    [InlineData("description", "Description", "无法\u0007加热")]
    [InlineData("customer.name", "Customer name", "王\u001b芳")]
    public void Validate_ControlCharacter_ReportsControlCharacters(string key, string label, string value)
    {
        var result = Validate(With(key, value));

        Assert.Equal((key, $"{label} must not contain control characters."), SingleError(result));
    }

    [Fact]
    public void Validate_DescriptionWithLineBreaksAndTabs_KeepsThem()
    {
        var result = Validate(With("description", "第一行\r\n第二行\n\t缩进"));

        Assert.Equal("第一行\r\n第二行\n\t缩进", result.Details!.Description);
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsAllTogether()
    {
        var submission = Chinese() with
        {
            Kind = "rant",
            Subject = null,
            Customer = new CustomerSubmission { Name = "王芳", Email = "not-an-email" },
            OccurredAt = "yesterday",
        };

        var result = Validate(submission);

        Assert.False(result.IsValid);
        Assert.Null(result.Details);
        Assert.Equal(["customer.email", "kind", "occurredAt", "subject"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_MixedCaseChoicesAndPadding_NormalisesValues()
    {
        var submission = Chinese() with
        {
            Kind = " Inquiry ",
            Category = "SERVICE-ATTITUDE",
            DesiredRemedy = "Apology",
            Subject = "  电饭煲无法加热\u3000",
            Location = "   ",
            OrderReference = "",
        };

        var details = Validate(submission).Details!;

        Assert.Equal(ComplaintKind.Inquiry, details.Kind);
        Assert.Equal(Category.ServiceAttitude, details.Category);
        Assert.Equal(RemedyType.Apology, details.DesiredRemedy);
        Assert.Equal("电饭煲无法加热", details.Subject);
        Assert.Null(details.Location);
        Assert.Null(details.OrderReference);
    }

    [Theory]
    [InlineData("2026-11-22T01:59:59Z")]
    [InlineData("2026-11-20T10:30:00.123-05:00")]
    [InlineData("2026-11-20T10:30Z")]
    public void Validate_OccurredAtWithOffsetWithinADay_Accepts(string value)
    {
        var result = Validate(With("occurredAt", value));

        Assert.Equal(DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture), result.Details!.OccurredAt);
    }

    [Fact]
    public void Validate_OptionalFieldsAbsent_LeavesThemNull()
    {
        var submission = Chinese() with { Location = null, OrderReference = null, OccurredAt = null, DesiredRemedy = null };

        var details = Validate(submission).Details!;

        Assert.Null(details.Location);
        Assert.Null(details.OrderReference);
        Assert.Null(details.OccurredAt);
        Assert.Null(details.DesiredRemedy);
    }
}
