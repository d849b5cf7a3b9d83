using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.Tests.Workspace;

public sealed class SearchTermsTests
{
    private static readonly ComplaintRecord Seat = new(new ComplaintDetails(
        "CMP-20260318-7K3M9Q", ComplaintKind.Complaint, Category.ProductQuality, Channel.Web,
        "座椅加热不工作", "The seat heater stopped working after 2 days.",
        new Customer("Li Na", "Li.Na@Example.com", "+86 139-1234-5678"), "zh-CN", new DateTime(2026, 3, 18, 2, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData("加热")]
    [InlineData("座椅加热")]
    [InlineData("热")]
    [InlineData("Heater")]
    [InlineData("seat  STOPPED")]
    [InlineData("li.na@example.com")]
    [InlineData("13912345678")]
    [InlineData("+86 139 1234 5678")]
    [InlineData("li na")]
    [InlineData("Na")]
    [InlineData("cmp-20260318-7k3m9q")]
    public void Matches_AQueryForTheCase_FindsIt(string query)
    {
        var found = SearchTerms.Matches(SearchTerms.Query(query), SearchTerms.Of(Seat));

        Assert.True(found);
    }

    [Theory]
    [InlineData("加冷")]
    [InlineData("椅热")]
    [InlineData("heat")]
    [InlineData("li.na@example.org")]
    [InlineData("12345678")]
    [InlineData("CMP-20260318-7K3M9R")]
    [InlineData("   ")]
    public void Matches_AQueryNotForTheCase_DoesNotFindIt(string query)
    {
        var found = SearchTerms.Matches(SearchTerms.Query(query), SearchTerms.Of(Seat));

        Assert.False(found);
    }

    [Fact]
    public void Of_ChineseText_HasItsCharactersAndCharacterPairs()
    {
        var terms = SearchTerms.Of(Seat);

        Assert.Contains("w:座", terms);
        Assert.Contains("w:加热", terms);
        Assert.Contains("w:不工", terms);
        Assert.Contains("w:heater", terms);
        Assert.DoesNotContain("w:2", terms);
    }

    [Fact]
    public void Of_CustomerDetailsAndTrackingNumber_AreOnlyHashed()
    {
        var terms = SearchTerms.Of(Seat);

        Assert.DoesNotContain(terms, t => t.Contains("li", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("w:", StringComparison.Ordinal));
        Assert.DoesNotContain(terms, t => t.Contains("example", StringComparison.Ordinal) || t.Contains("13912345678", StringComparison.Ordinal) || t.Contains("7K3M9Q", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, terms.Count(t => t.StartsWith("p:", StringComparison.Ordinal)));
        Assert.All(terms.Where(t => !t.StartsWith("w:", StringComparison.Ordinal)), t => Assert.Equal(66, t.Length));
    }

    [Fact]
    public void Of_AVeryLongDescription_KeepsAtMostTheCap()
    {
        var text = new string([.. Enumerable.Range(0, 10_000).Select(i => (char)(0x4E00 + (i * 7919 % 20_000)))]);
        var record = Seat with { Details = Seat.Details with { Description = text } };

        var terms = SearchTerms.Of(record);

        Assert.Equal(SearchTerms.MaxTermsPerCase, terms.Count);
    }
}
