using System.Reflection;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Web.Features;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Security;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Functions.Tests.Pages;

/// <summary>
/// Every page component with representative models, by name: the form (empty, with an error on every field and every
/// kind of file refusal, with each whole-form message), the confirmation, the status page at every stage (closed and
/// archived with every outcome) and with every timeline code and coded value, the action page for every link action
/// and every answer, the not-found page and the error page of every failure. The customer's own words are Chinese in
/// the Chinese samples, so whatever Latin text a Chinese page shows came from the product.
/// </summary>
internal static partial class PageSamples
{
    public const string TrackingNumber = "CMP-20261123-7K3Q9Z";

    private static readonly DateTime Received = new(2026, 11, 23, 2, 30, 0, DateTimeKind.Utc);

    /// <summary>Every sample's name; <see cref="Render"/> takes one with a language.</summary>
    public static IReadOnlyList<string> Names => [.. All.Keys];

    /// <summary>The page types the samples render.</summary>
    public static IEnumerable<Type> PageTypes => All.Values.Select(s => s.Page).Distinct();

    /// <summary>The customer's own words in a language's samples: shown as typed, so left out of the checks for system text.</summary>
    public static IReadOnlyList<string> CustomerWords(string language) => language == CaseLanguage.Chinese
        ? ["wang.fang@example.cn", "加热盘.jpg", "发票.pdf", "电饭煲无法加热", "王芳", "使用两天后无法加热", "请尽快处理", "照片.heic", "空白.png", "超大照片.jpg", "坏.名字.png", ".隐藏.png", "退款599元", "@example.cn", "wa•••", "RF-2026-001", "spf=fail", "现场照片.jpg", "购物发票.pdf",
            // Not words to translate: the external recourse's web address (the centre's configured text), mail header names,
            // and the id of a proposer who has left the staff directory (shown as it is).
            "www.12315.cn", "Auto-Submitted", "Precedence", "former.staff",
            // A staff id the directory no longer has, shown as stored (the staff queue's sample).
            "retired.id"]
        : [];

    public static Task<string> Render(string name, string language, IServiceProvider services) => All[name].Render(language, services);

    private static readonly Dictionary<string, Sample> All = Build();

    private sealed record Sample(Type Page, Func<string, IServiceProvider, Task<string>> Render);

    private static Dictionary<string, Sample> Build()
    {
        var samples = new Dictionary<string, Sample>(StringComparer.Ordinal)
        {
            ["form"] = Of<FormPage>((lang, _) => new { Lang = lang, IdempotencyKey = "k" }),
            ["form-every-error"] = Of<FormPage>((lang, services) => new { Lang = lang, IdempotencyKey = "k", Values = Typed(lang), Errors = EveryFormError(lang, services), FilesDropped = true }),
            ["confirmation"] = Of<ConfirmationPage>((lang, services) => new { View = View(lang, CaseStage.Intake), Lang = lang, StatusUrl = "/status/x?t=y", Deadline = Times(services).Deadline(Received.AddDays(3), CaseCulture.Of(lang)) }),
            ["confirmation-no-email"] = Of<ConfirmationPage>((lang, services) => new { View = View(lang, CaseStage.Intake) with { CustomerEmail = null }, Lang = lang, StatusUrl = "/status/x?t=y", Deadline = Times(services).Deadline(Received.AddDays(3), CaseCulture.Of(lang)) }),
            ["status-every-timeline-entry"] = Of<StatusPage>((lang, _) => new { View = View(lang, CaseStage.Investigation) with { Timeline = EveryTimelineEntry(lang) }, Lang = lang }),
            ["not-found"] = Of<CaseNotFoundPage>((lang, _) => new { Lang = lang }),
        };
        foreach (var message in new[] { "Form.Unreadable", "Form.AlreadySent", "Error.Unavailable.Detail", "Form.Busy" })
        {
            samples[$"form-message-{message}"] = Of<FormPage>((lang, _) => new { Lang = lang, IdempotencyKey = "k", Values = Typed(lang), MessageKey = message });
        }

        foreach (var stage in Enum.GetValues<CaseStage>())
        {
            var closed = stage is CaseStage.Closed or CaseStage.Archived;
            foreach (var outcome in closed ? Enum.GetValues<CaseOutcome>().Cast<CaseOutcome?>() : [null])
            {
                samples[$"status-{WireNames.Of(stage)}{(outcome is { } o ? "-" + WireNames.Of(o) : "")}"] = Of<StatusPage>((lang, _) => new
                {
                    View = View(lang, stage) with { Outcome = outcome, ClosedAtUtc = closed ? Received.AddDays(9) : null, DueAtUtc = closed ? null : Received.AddDays(3) },
                    Lang = lang,
                });
            }
        }

        foreach (var action in LinkActions.All)
        {
            foreach (var (key, status) in new[] { ("confirm", 200), ("invalid-fields", 400), ("done", 200), ("used", 410), ("expired", 410), ("wrong-actor", 403), ("not-open", 409) })
            {
                var withForm = key is "confirm" or "invalid-fields";
                samples[$"action-{action}-{key}"] = Of<ActionPage>((lang, services) => new
                {
                    Result = new ActionLinkResult(status, key, Claims(action), Record(lang), ShowForm: withForm, Errors: key == "invalid-fields" ? EveryActionError() : null,
                        Context: withForm ? Context(action, lang, services) : null),
                    Token = "token",
                    Lang = lang,
                    Values = key == "invalid-fields" ? new Dictionary<string, string> { ["comment"] = lang == CaseLanguage.Chinese ? "请尽快处理" : "Please hurry" } : null,
                });
            }
        }

        // The context's other shapes: an approver without a limit or below the amount, a proposer the directory lacks,
        // a revision after the customer's decline, a case without evidence or optional details.
        samples["action-approval-confirm-centre-head"] = ActionWith(LinkActions.Approval, (c, lang, s) => c with { Proposal = c.Proposal! with { Approver = Reader(s).Authority("gao.feng") } });
        samples["action-approval-confirm-above-limit"] = ActionWith(LinkActions.Approval, (c, lang, s) => c with
        {
            Proposal = c.Proposal! with { Remedy = c.Proposal.Remedy with { Amount = 5000m }, ProposerId = "former.staff", Proposer = null },
        });
        samples["action-offer-confirm-declined"] = ActionWith(LinkActions.Offer, (c, lang, _) => c with { LastAnswer = new OfferAnswer(TimelineCodes.OfferDeclined, Received.AddDays(4), null) });
        samples["action-findings-confirm-bare"] = ActionWith(LinkActions.Findings, (c, lang, _) => c with
        {
            Record = new ComplaintRecord(Details(lang) with { OrderReference = null, Location = null, OccurredAt = null, DesiredRemedy = null }),
            Evidence = [],
            Messages = [],
        });

        // The status page with its recourse forms (and an error beside each field), at each clock, and the recourse answers.
        var forms = CaseActions.Recourse.ToDictionary(a => a, a => "token-" + a);
        foreach (var clock in Enum.GetValues<DeadlineClock>())
        {
            samples[$"status-clock-{WireNames.Of(clock)}"] = Of<StatusPage>((lang, _) => new
            {
                View = View(lang, CaseStage.Investigation) with { Deadline = new CurrentDeadline(clock, Received.AddDays(3)), EvidenceNames = [lang == CaseLanguage.Chinese ? "照片.heic" : "photo.heic"] },
                Lang = lang,
                StatusToken = "t",
                Forms = forms,
                External = new ServerlessComplaints.Web.Hosting.RecourseOptions().ExternalIn(lang),
            });
        }

        foreach (var step in new[] { CustomerPageRoutes.MessageStep, CustomerPageRoutes.ReviewStep, CustomerPageRoutes.WithdrawStep })
        {
            samples[$"status-recourse-errors-{step}"] = Of<StatusPage>((lang, services) => new
            {
                View = View(lang, CaseStage.Investigation),
                Lang = lang,
                StatusToken = "t",
                Forms = forms,
                FailedStep = step,
                Errors = RecourseErrors(lang, services),
                Values = new Dictionary<string, string> { ["message"] = lang == CaseLanguage.Chinese ? "请尽快处理" : "Please hurry" },
            });
        }

        foreach (var (key, status) in new[] { ("message-added", 200), ("escalation-requested", 200), ("withdrawn", 200), ("invalid", 400), ("expired", 410), ("used", 410), ("not-open", 409) })
        {
            samples[$"recourse-{key}"] = Of<RecoursePage>((lang, _) => new
            {
                Result = new ServerlessComplaints.Workflow.Recourse.RecourseResult(status, key), StatusUrl = "/status/x?t=y", TrackingNumber = TrackingNumber, Lang = lang,
            });
        }

        samples["lookup"] = Of<LookupPage>((lang, _) => new { Lang = lang, LookupKey = "k" });
        samples["lookup-sent"] = Of<LookupPage>((lang, _) => new { Lang = lang, Sent = true });
        samples["lookup-limited"] = Of<LookupPage>((lang, _) => new { Lang = lang, LookupKey = "k", RetryMinutes = 5 });

        // Staff sign-in: every way offered at once, each refusal, and a host that offers none.
        var antiforgery = new Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet("request-token", "cookie-token", "__RequestVerificationToken", "RequestVerificationToken");
        foreach (var error in new string?[] { null, "required", "invalid", "devRefused", "unknownStaff", "antiforgery", "notStaff", "organisationFailed", "organisationUnavailable", "organisationNotOffered" })
        {
            samples[$"staff-sign-in{(error is null ? "" : "-" + error)}"] = Of<StaffSignInPage>((lang, services) => new
            {
                Lang = lang, Error = error, KeySignIn = true, OrganisationUrl = "/staff/sign-in/organisation?lang=" + lang, ReturnUrl = "/staff?lang=" + lang,
                DevStaff = services.GetRequiredService<ServerlessComplaints.Workflow.Assessment.StaffDirectory>().All, Antiforgery = antiforgery,
            });
        }

        samples["staff-sign-in-none-offered"] = Of<StaffSignInPage>((lang, _) => new { Lang = lang, Antiforgery = antiforgery });

        AddStaffCase(samples);
        samples["action-invalid-link"] = Of<ActionPage>((lang, _) => new { Result = new ActionLinkResult(400, "invalid"), Token = "token", Lang = lang });
        foreach (var kind in WebProblems.Kinds.All)
        {
            samples[$"error-{kind}"] = Of<ErrorPage>((lang, _) => new { Lang = lang, Kind = kind, Values = new Dictionary<string, string> { ["seconds"] = "30", ["methods"] = "GET, POST" } });
        }

        AddStaffSamples(samples);
        return samples;
    }

    private static Dictionary<string, IReadOnlyList<string>> RecourseErrors(string lang, IServiceProvider services)
    {
        var text = services.GetRequiredService<PageText>();
        var required = text.In(lang, "Recourse.Error.required");
        return new(StringComparer.Ordinal)
        {
            ["message"] = [required, text.In(lang, "Recourse.Error.too-long"), text.In(lang, "Recourse.Error.invisible")],
            ["reason"] = [text.In(lang, "Recourse.Error.too-long")],
            ["confirm"] = [required],
        };
    }

    private static Sample Of<TPage>(Func<string, IServiceProvider, object> parameters)
        where TPage : IComponent =>
        new(typeof(TPage), (lang, services) => Page.Of<TPage>(lang, parameters(lang, services)).RenderAsync(services, PageLink.Root));

    private static CaseTimes Times(IServiceProvider services) => services.GetRequiredService<CaseTimes>();

    private static Dictionary<string, string> Typed(string lang) => lang == CaseLanguage.Chinese
        ? new() { ["kind"] = "complaint", ["category"] = "delivery", ["subject"] = "电饭煲无法加热", ["description"] = "使用两天后无法加热", ["customer.name"] = "王芳", ["customer.email"] = "wang.fang@example.cn" }
        : new() { ["kind"] = "complaint", ["category"] = "delivery", ["subject"] = "Rice cooker", ["description"] = "Stopped heating", ["customer.name"] = "Emily", ["customer.email"] = "emily@example.cn" };

    // What the form shows after a refused post: the Workflow's field errors in the page's language (as IntakeHandler
    // answers with ErrorCulture set) and its English file errors, reworded by the form's route as it does for a post.
    private static Dictionary<string, string[]> EveryFormError(string lang, IServiceProvider services)
    {
        var culture = CaseCulture.Of(lang);
        EvidenceUpload[] files =
        [
            new("照片.heic", new byte[] { 1, 2, 3 }), new("空白.png", ReadOnlyMemory<byte>.Empty), new("超大照片.jpg", new byte[(10 * 1024 * 1024) + 1]),
            new("坏.名字.png/", new byte[] { 1 }), new(".隐藏.png", new byte[] { 1 }), new(new string('长', 101) + ".png", new byte[] { 1 }), new("", new byte[] { 1 }),
        ];
        var errors = IntakeError.Messages(
            [
                new("kind", "one-of", new Dictionary<string, string> { ["allowed"] = "complaint, inquiry, suggestion" }),
                new("category", "one-of", new Dictionary<string, string> { ["allowed"] = "product-quality, service-attitude, delivery, price, facilities, other" }),
                new("subject", "required"), new("description", "too-long", new Dictionary<string, string> { ["max"] = "10000" }), new("customer.name", "required"),
                new("customer.email", "email-invalid"), new("customer.phone", "phone-digits", new Dictionary<string, string> { ["min"] = "5" }),
                new("location", "single-line"), new("orderReference", "invisible-characters", new Dictionary<string, string> { ["character"] = "U+202E" }),
            ],
            culture).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        errors["evidence"] = ["at most 5 files may be attached"];
        for (var i = 0; i < files.Length; i++)
        {
            errors[$"evidence[{i}]"] = ["refused"];
        }

        var refusals = services.GetRequiredService<FormRefusals>();
        var reworded = refusals.Reword(errors, [.. files, .. Enumerable.Repeat(new EvidenceUpload("a.png", new byte[] { 1 }), 30)], lang);
        reworded["evidence"] = [.. reworded["evidence"], refusals.TotalTooLarge(lang), refusals.Batch([new EvidenceUpload("b.png", new byte[1])], lang)[0]];
        return reworded;
    }

    private static Dictionary<string, string[]> EveryActionError() => new(StringComparer.Ordinal)
    {
        ["rootCause"] = ["rootCause is required."], ["responsibleParty"] = ["responsibleParty must be one of company, staff."], ["facts"] = ["facts must be at most 4000 characters."],
        ["remedy"] = ["remedy is required."], ["remedy.amount"] = ["remedy.amount must be a number."], ["remedy.description"] = ["remedy.description is required."],
        ["answer"] = ["answer is required."], ["adopted"] = ["adopted is required."], ["reply"] = ["reply is required."], ["decision"] = ["decision is required (approve or reject)."],
        ["accepted"] = ["accepted is required."], ["comment"] = ["comment must be at most 2000 characters."], ["reference"] = ["reference is required."], ["rating"] = ["rating must be 1 to 5."],
    };

    private static ActionTokenClaims Claims(string action) =>
        new(TrackingNumber, action, action is LinkActions.CustomerResponse or LinkActions.Survey ? "customer" : "zhang.wei", Received.AddDays(5), "nonce", "1");

    private static ComplaintRecord Record(string lang) =>
        new(Details(lang))
        {
            Stage = CaseStage.Resolution,
            Urgency = Urgency.Urgent,
            DueAtUtc = Received.AddDays(3),
            Findings = new(
                "zhang.wei", Zh(lang, "加热盘缺陷", "Faulty heating plate"), ResponsibleParty.Company, Zh(lang, "同批次多起同类投诉\n已检测确认", "Same batch, several similar cases\nConfirmed by testing"),
                new Remedy(RemedyType.Refund, 599m, Zh(lang, "退款599元", "Refund of 599"))),
            Remedy = new Remedy(RemedyType.Refund, 599m, Zh(lang, "退款599元", "Refund of 599")),
            Reply = Zh(lang, "已为您更换新机", "We replaced your cooker"),
        };

    private static ComplaintDetails Details(string lang) => new(
        TrackingNumber, ComplaintKind.Complaint, Category.ProductQuality, Channel.Web, Zh(lang, "电饭煲无法加热", "Rice cooker stopped heating"),
        Zh(lang, "使用两天后无法加热", "It stopped heating"), new Customer(Zh(lang, "王芳", "Emily"), "wang.fang@example.cn", null), lang, Received,
        Location: Zh(lang, "上海徐汇店", "Xuhui store"), OrderReference: "RF-2026-001", OccurredAt: new DateTimeOffset(Received.AddDays(-2)), DesiredRemedy: RemedyType.Refund);

    private static string Zh(string lang, string chinese, string english) => lang == CaseLanguage.Chinese ? chinese : english;

    private static CaseContextReader Reader(IServiceProvider services) => services.GetRequiredService<CaseContextReader>();

    /// <summary>The context the handler gathers for a link's form page (<see cref="CaseContextReader.ForLinkAsync"/>), every part filled.</summary>
    private static CaseContextView Context(string action, string lang, IServiceProvider services)
    {
        var record = Record(lang);
        if (Claims(action).Actor == "customer")
        {
            return action == LinkActions.Survey
                ? new CaseContextView(record, ForStaff: false) { Accepted = new AcceptedOffer(record.Remedy!, Received.AddDays(5)), Reply = record.Reply }
                : new CaseContextView(record, ForStaff: false) { Offer = record.Remedy };
        }

        var view = new CaseContextView(record, ForStaff: true)
        {
            Evidence =
            [
                new EvidenceLink(Zh(lang, "现场照片.jpg", "photo.jpg"), "image/jpeg", 245_000, "/evidence/signed-1"),
                new EvidenceLink(Zh(lang, "购物发票.pdf", "receipt.pdf"), "application/pdf", 1_800_000, "/evidence/signed-2"),
            ],
            EvidenceLinkLifetime = CaseContextReader.EvidenceLinkLifetime,
            Messages = [new CustomerMessage(Received.AddDays(1), Zh(lang, "请尽快处理", "Please hurry"))],
        };
        var reader = Reader(services);
        return action switch
        {
            LinkActions.Approval => view with { Findings = record.Findings, Proposal = new RemedyProposal(record.Remedy!, "zhang.wei", reader.Authority("zhang.wei"), reader.Authority("wang.lei")) },
            LinkActions.Offer => view with
            {
                Findings = record.Findings, Offer = record.Remedy, Viewer = reader.Authority("zhang.wei"),
                LastAnswer = new OfferAnswer(TimelineCodes.Rejected, Received.AddDays(2), Zh(lang, "金额过高", "Too much"), "王磊"),
            },
            LinkActions.Execute => view with { Findings = record.Findings, Accepted = new AcceptedOffer(record.Remedy!, Received.AddDays(5)) },
            _ => view,
        };
    }

    private static Sample ActionWith(string action, Func<CaseContextView, string, IServiceProvider, CaseContextView> change) =>
        Of<ActionPage>((lang, services) => new
        {
            Result = new ActionLinkResult(200, "confirm", Claims(action), Record(lang), ShowForm: true, Context: change(Context(action, lang, services), lang, services)),
            Token = "token",
            Lang = lang,
        });

    private static PublicCaseView View(string lang, CaseStage stage)
    {
        var d = Details(lang);
        return new PublicCaseView(d.TrackingNumber, "", "", d.Subject, lang, stage, Received, Received.AddDays(3), null, null, [Entry(TimelineCodes.Received, "customer", new() { [P.Channel] = "web" })])
        {
            KindCode = d.Kind,
            CustomerEmail = d.Customer.Email,
        };
    }

    /// <summary>
    /// Every timeline code as the status page gets it: with each coded parameter at each of its values (the sentence's
    /// placeholders decide which parameters an entry carries), and as stored before parameters existed (no parameters).
    /// </summary>
    private static List<PublicTimelineEntry> EveryTimelineEntry(string lang)
    {
        var entries = new List<PublicTimelineEntry>();
        foreach (var code in TimelineCodes.All)
        {
            entries.Add(Entry(code, "system", null));
            var names = Placeholders.Names(CaseTexts.Get("Timeline." + code, CaseCulture.English)).Distinct().ToList();
            var defaults = names.ToDictionary(n => n, n => SampleValues(n, lang)[0], StringComparer.Ordinal);
            if (names.Contains(P.Reasons))
            {
                // The reasons name the limits they broke.
                foreach (var limit in new[] { P.MaxFileMb, P.MaxFiles, P.MaxTotalMb })
                {
                    defaults[limit] = SampleValues(limit, lang)[0];
                }
            }
            entries.Add(Entry(code, "customer", defaults));
            foreach (var name in names)
            {
                foreach (var value in SampleValues(name, lang).Skip(1))
                {
                    entries.Add(Entry(code, "staff", new(defaults, StringComparer.Ordinal) { [name] = value }));
                }
            }
        }

        return entries;
    }

    private static PublicTimelineEntry Entry(string code, string actor, Dictionary<string, string>? parameters) =>
        new(Received.AddHours(1), actor, code, null, parameters);

    // The values a timeline parameter takes: every code for coded parameters, a representative value otherwise.
    private static IReadOnlyList<string> SampleValues(string parameter, string lang) => parameter switch
    {
        P.Channel => WireNamesOf<Channel>(),
        P.Urgency => WireNamesOf<Urgency>(),
        P.Party => WireNamesOf<ResponsibleParty>(),
        P.Remedy => WireNamesOf<RemedyType>(),
        P.Role => WireNamesOf<StaffRole>(),
        P.Outcome => Constants(typeof(CaseOutcome)),
        P.Task => CaseTextKeys("Task."),
        P.Amount => ["599.00"],
        P.Owner or P.Approver or P.From or P.To => ["zhang.wei"],
        P.Due or P.Until => [P.Instant(Received.AddDays(3))],
        P.Text => [lang == CaseLanguage.Chinese ? "请尽快处理" : "Please hurry"],
        P.Percent => ["80"],
        P.Rating or P.Declines => ["2"],
        P.Reference => ["RF-2026-001"],
        P.Files => [lang == CaseLanguage.Chinese ? "照片.heic" : "photo.heic"],
        P.Stage => Constants(typeof(CaseStage)),
        P.Count => ["2"],
        P.Held => CaseTextKeys("Held."),
        P.Sign => CaseTextKeys("Automatic."),
        P.Reasons => [string.Join(",", CaseTextKeys("Refused."))],
        P.Sender => ["客户@example.cn"],
        P.Verdict => ["spf=fail"],
        P.Error => [lang == CaseLanguage.Chinese ? "存储不可用" : "storage unreachable"],
        P.NotKept => [lang == CaseLanguage.Chinese ? "照片.heic" : "photo.heic"],
        P.Keywords => [lang == CaseLanguage.Chinese ? "有毒" : "toxic"],
        P.Repeat => ["2"],
        P.MaxFileMb or P.MaxTotalMb => ["10"],
        P.MaxFiles => ["5"],
        _ => throw new InvalidOperationException($"A timeline sentence has the placeholder {{{parameter}}}: add sample values for it here."),
    };

    private static string[] WireNamesOf<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => WireNames.Of(v))];

    /// <summary>The values of a class's string constants (CaseStage, CaseOutcome).</summary>
    /// <summary>A class's string constants, or an enum's wire names.</summary>
    public static string[] Constants(Type type) => type.IsEnum
        ? [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>()!.Name)]
        : [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>The codes after <paramref name="prefix"/> among the neutral CaseTexts keys ("Task." → investigation, answer …).</summary>
    public static string[] CaseTextKeys(string prefix) =>
        [.. XDocument.Load(Path.Combine(RepositoryRoot(), "functions", "ServerlessComplaints.Workflow", "Localization", "CaseTexts.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.IndexOf('.', prefix.Length) < 0).Select(n => n[prefix.Length..])];

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServerlessComplaints.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
