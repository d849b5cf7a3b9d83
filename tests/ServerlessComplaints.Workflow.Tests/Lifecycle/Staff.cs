namespace ServerlessComplaints.Workflow.Tests.Lifecycle;

/// <summary>People of the sample directory's quality department (product-quality cases) and the centre head.</summary>
internal static class Staff
{
    public const string Owner = "zhang.wei";
    public const string Supervisor = "wang.lei";
    public const string Manager = "li.na";
    public const string CentreHead = "gao.feng";

    public static string Email(string id) => id + "@example.cn";
}
