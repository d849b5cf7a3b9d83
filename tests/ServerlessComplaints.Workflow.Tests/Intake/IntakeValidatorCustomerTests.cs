using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using static ServerlessComplaints.Workflow.Tests.Intake.IntakeSamples;

namespace ServerlessComplaints.Workflow.Tests.Intake;

public sealed class IntakeValidatorCustomerTests
{
    private static ComplaintSubmission WithCustomer(string? name, string? email, string? phone) =>
        Chinese() with { Customer = new CustomerSubmission { Name = name, Email = email, Phone = phone } };

    [Theory]
    [InlineData(Channel.Api)]
    [InlineData(Channel.Phone)]
    [InlineData(Channel.Counter)]
    public void Validate_StaffChannelPhoneOnly_Accepts(Channel channel)
    {
        var result = Validate(WithCustomer("王芳", null, "138-0000-0000"), channel);

        Assert.True(result.IsValid);
        Assert.Equal(new Customer("王芳", null, "138-0000-0000"), result.Details!.Customer);
    }

    [Theory]
    [InlineData(Channel.Web)]
    [InlineData(Channel.Email)]
    public void Validate_CustomerChannelPhoneOnly_RequiresEmail(Channel channel)
    {
        var result = Validate(WithCustomer("王芳", " ", "138-0000-0000"), channel);

        Assert.Equal(("customer.email", "Customer email is required."), SingleError(result));
    }

    [Fact]
    public void Validate_StaffChannelWithoutContact_ReportsCustomer()
    {
        var result = Validate(WithCustomer("王芳", null, ""), Channel.Phone);

        Assert.Equal(("customer", "Customer email or phone is required."), SingleError(result));
    }

    [Fact]
    public void Validate_WebChannelWithoutCustomer_ReportsNameAndEmail()
    {
        var result = Validate(Chinese() with { Customer = null });

        Assert.Equal(["customer.email", "customer.name"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_StaffChannelWithoutName_ReportsName()
    {
        var result = Validate(WithCustomer(null, "wang.fang@example.cn", null), Channel.Counter);

        Assert.Equal(("customer.name", "Customer name is required."), SingleError(result));
    }

    [Theory]
    [InlineData("wang.fang")]
    [InlineData("@example.cn")]
    [InlineData("wang@fang@example.cn")]
    [InlineData("wang.fang@localhost")]
    [InlineData("wang.fang@example.")]
    [InlineData("wang.fang@.example.cn")]
    [InlineData("wang fang@example.cn")]
    [InlineData("王芳 <wang.fang@example.cn>")]
    [InlineData("\"wang\"@example.cn (home)")]
    public void Validate_MalformedEmail_ReportsEmail(string email)
    {
        var result = Validate(With("customer.email", email));

        Assert.Equal(("customer.email", "Customer email is not a valid email address."), SingleError(result));
    }

    [Theory]
    [InlineData("wang.fang+shop@example.cn")]
    [InlineData("o'brien@mail.example.co.uk")]
    [InlineData("王芳@例子.中国")]
    public void Validate_PlausibleEmail_Accepts(string email)
    {
        var result = Validate(With("customer.email", email));

        Assert.Equal(email, result.Details?.Customer.Email);
    }

    [Fact]
    public void Validate_EmailOver254Characters_ReportsLength()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".example.cn";

        var result = Validate(With("customer.email", email));

        Assert.True(email.Length > 254);
        Assert.Equal(("customer.email", "Customer email must be at most 254 characters."), SingleError(result));
    }

    [Fact]
    public void Validate_MixedCaseEmail_LowercasesDomainOnly()
    {
        var result = Validate(With("customer.email", "  Wang.Fang@Example.CN "));

        Assert.Equal("Wang.Fang@example.cn", result.Details!.Customer.Email);
    }

    [Theory]
    [InlineData("138 0000 0000x", "Customer phone may contain only digits, spaces and + - ( ).")]
    [InlineData("+86.138.0000", "Customer phone may contain only digits, spaces and + - ( ).")]
    [InlineData("１３８００００００００", "Customer phone may contain only digits, spaces and + - ( ).")]
    [InlineData("1234", "Customer phone must be 5 to 32 characters.")]
    [InlineData("+86 (138) 0000-0000 0000 0000 0000", "Customer phone must be 5 to 32 characters.")]
    [InlineData("(+1) - 2", "Customer phone must contain at least 5 digits.")]
    public void Validate_BadPhone_ReportsPhone(string phone, string message)
    {
        var result = Validate(With("customer.phone", phone));

        Assert.Equal(("customer.phone", message), SingleError(result));
    }

    [Fact]
    public void Validate_EmptyPhone_CollapsesToNull()
    {
        var result = Validate(With("customer.phone", "   "));

        Assert.Null(result.Details!.Customer.Phone);
    }
}
