namespace ServerlessComplaints.Web.Hosting;

/// <summary>
/// The recourse outside the centre that the status page names (ISO 10002: tell complainants where else they can
/// go), per page language; <c>Recourse:ExternalZh</c> / <c>Recourse:ExternalEn</c>. The defaults name mainland
/// China's national 12315 consumer platform; a centre elsewhere configures its ombudsman.
/// </summary>
public sealed class RecourseOptions
{
    public const string SectionName = "Recourse";

    public string ExternalZh { get; set; } = "如对我们的处理结果仍不满意，您可以拨打全国 12315 消费者投诉举报热线，或登录全国 12315 平台（www.12315.cn）反映。";

    public string ExternalEn { get; set; } = "If you are still not satisfied with our answer, you can contact the national 12315 consumer complaint hotline or the 12315 platform (www.12315.cn) in mainland China.";

    public string ExternalIn(string language) => language == Workflow.Domain.CaseLanguage.Chinese ? ExternalZh : ExternalEn;
}
