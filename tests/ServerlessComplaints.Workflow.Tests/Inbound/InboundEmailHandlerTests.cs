using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Tests.Evidence;
using static ServerlessComplaints.Workflow.Tests.Inbound.SendGridPosts;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class InboundEmailHandlerTests
{
    [Fact]
    public async Task HandleAsync_NewChineseEmailWithPhoto_OpensEmailCaseInChinese()
    {
        var scenario = InboundScenario.Create();

        var result = InboundScenario.Result(await scenario.PostAsync(Raw(ChineseMimeMessage())));

        Assert.Equal(InboundEmailResult.Opened, result.Outcome);
        var record = Assert.Single(scenario.Records.All);
        Assert.Equal(result.TrackingNumber, record.TrackingNumber);
        Assert.Equal(Channel.Email, record.Details.Channel);
        Assert.Equal(CaseLanguage.Chinese, record.Details.Language);
        Assert.Equal(("王芳", CustomerAddress), (record.Details.Customer.Name, record.Details.Customer.Email));
        Assert.Equal((ComplaintKind.Complaint, Category.Other), (record.Details.Kind, record.Details.Category));
        Assert.Equal("投诉：电饭煲无法加热", record.Details.Subject);
        Assert.Equal("照片.jpg", Assert.Single(await scenario.EvidenceAsync(record.TrackingNumber)).FileName);
        Assert.Contains(scenario.Harness.Mailbox.Mails, m => m.To == CustomerAddress && m.NotificationId.EndsWith("-acknowledgement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_ZeroWidthAndBidiCharactersInMail_StrippedAndTheCaseOpens()
    {
        var scenario = InboundScenario.Create();
        var post = Parsed(subject: "\uFEFFParcel\u200B never\u202E arrived", text: "Ordered\u200B on the 1st.\u2060",
            fields: new Dictionary<string, byte[]?> { ["from"] = Utf8("\u200BLi\u202E Ming <li.ming@example.com>") });

        var result = InboundScenario.Result(await scenario.PostAsync(post));

        Assert.Equal(InboundEmailResult.Opened, result.Outcome);
        var record = Assert.Single(scenario.Records.All, r => r.TrackingNumber == result.TrackingNumber);
        Assert.Equal(("Parcel never arrived", "Li Ming"), (record.Details.Subject, record.Details.Customer.Name));
        Assert.Equal("Ordered on the 1st.", record.Details.Description);
    }

    [Fact]
    public async Task HandleAsync_EnglishEmailWithoutDisplayName_UsesLocalPartAndEnglish()
    {
        var scenario = InboundScenario.Create();
        var post = Parsed(subject: "Parcel never arrived", text: "Ordered on the 1st, still nothing.", fields: new Dictionary<string, byte[]?> { ["from"] = Utf8("li.ming@example.com") });

        var result = InboundScenario.Result(await scenario.PostAsync(post));

        var record = Assert.Single(scenario.Records.All, r => r.TrackingNumber == result.TrackingNumber);
        Assert.Equal(("li.ming", CaseLanguage.English), (record.Details.Customer.Name, record.Details.Language));
    }

    [Fact]
    public async Task HandleAsync_ReplyWithTrackingNumberInSubject_JoinsTheCaseAndMailsTheOwner()
    {
        var scenario = InboundScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();
        var text = "补充照片见附件。\n\n在 2026年11月23日 10:00，客户投诉中心 写道：\n> 您的投诉已受理";

        var result = InboundScenario.Result(await scenario.PostAsync(
            Parsed(messageId: "<reply-1@mail.example.cn>", subject: $"Re: 您的投诉已受理：{tn}", text: text, attachments: [("照片.jpg", EvidenceSamples.Jpeg)])));

        Assert.Equal((InboundEmailResult.Threaded, tn), (result.Outcome, result.TrackingNumber));
        var timeline = await scenario.TimelineAsync(tn);
        var message = Assert.Single(timeline, e => e.Action == InboundReplyRecorder.CustomerMessage);
        Assert.Equal(("customer", "补充照片见附件。", true), (message.Actor, message.Detail, message.IsPublic));
        var added = Assert.Single(timeline, e => e.Action == TimelineCodes.EvidenceAdded);
        Assert.Equal((true, null, "1"), (added.IsPublic, added.Detail, added.Parameters![P.Count]));
        Assert.Equal("已添加证据（1 个文件）", scenario.Render(added, CaseLanguage.Chinese).Text);
        Assert.DoesNotContain(timeline, e => e.IsPublic && (e.Parameters?.Values ?? []).Any(v => v.Contains("照片.jpg", StringComparison.Ordinal)));
        var mail = Assert.Single(scenario.Harness.Mailbox.Mails, m => m.NotificationId.StartsWith($"{tn}-in-", StringComparison.Ordinal));
        Assert.Equal("zhang.wei@example.cn", mail.To);
        Assert.Contains("补充照片见附件。", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(scenario.Records.All);
    }

    [Fact]
    public async Task HandleAsync_OurFailureThenRetry_503ThenEverythingOnce()
    {
        var mailbox = new InMemoryMailbox();
        var scenario = InboundScenario.Create(inboundMailer: new FailingOnceMailer(mailbox));
        var tn = await scenario.Harness.SubmitAsync();
        var post = Parsed(messageId: "<retry@mail.example.cn>", subject: $"Re: {tn}", text: "第二封", attachments: [("照片.jpg", EvidenceSamples.Jpeg)]);

        var failed = await scenario.PostAsync(post);
        var retried = InboundScenario.Result(await scenario.PostAsync(post));

        Assert.Equal(503, failed.StatusCode);
        Assert.Equal(InboundEmailResult.Threaded, retried.Outcome);
        Assert.Single(await scenario.TimelineAsync(tn), e => e.Action == InboundReplyRecorder.CustomerMessage);
        Assert.Single(await scenario.EvidenceAsync(tn));
        Assert.Single(mailbox.Mails);
    }

    [Fact]
    public async Task HandleAsync_SameMessageIdTwice_OneCaseOneNote()
    {
        var scenario = InboundScenario.Create();
        var post = Raw(ChineseMimeMessage("twice@mail.example.cn"));

        var first = InboundScenario.Result(await scenario.PostAsync(post));
        var second = InboundScenario.Result(await scenario.PostAsync(post));

        Assert.Equal(InboundEmailResult.Duplicate, second.Outcome);
        Assert.Equal(first.TrackingNumber, second.TrackingNumber);
        Assert.Single(scenario.Records.All);
        Assert.Single(await scenario.EvidenceAsync(first.TrackingNumber!));
    }

    [Fact]
    public async Task HandleAsync_AutoReplyToACase_IgnoredNotedForStaffNoMail()
    {
        var scenario = InboundScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();
        var mailsBefore = scenario.Harness.Mailbox.Mails.Count;

        var result = InboundScenario.Result(await scenario.PostAsync(
            Parsed(messageId: "<ooo@mail.example.cn>", subject: $"自动回复: {tn}", extraHeaders: "Auto-Submitted: auto-replied\n")));

        Assert.Equal((InboundEmailResult.Ignored, tn), (result.Outcome, result.TrackingNumber));
        var note = Assert.Single(await scenario.TimelineAsync(tn), e => e.Action == "automatic-email-ignored");
        Assert.False(note.IsPublic);
        Assert.Equal((AutomaticMail.AutoSubmitted, null), (note.Parameters![P.Sign], note.Detail));
        Assert.Equal("已忽略自动发送的邮件：标记为自动发送（Auto-Submitted）", scenario.Render(note, CaseLanguage.Chinese).Text);
        Assert.Equal("Automatic email ignored: marked as sent automatically (Auto-Submitted)", scenario.Render(note, CaseLanguage.English).Text);
        Assert.Equal(mailsBefore, scenario.Harness.Mailbox.Mails.Count);
    }

    [Fact]
    public async Task HandleAsync_BounceWithoutCase_OpensNothing()
    {
        var scenario = InboundScenario.Create();
        var post = Parsed(fields: new Dictionary<string, byte[]?> { ["from"] = Utf8("MAILER-DAEMON@mx.example.cn"), ["envelope"] = Utf8("{\"to\":[\"complaints@example.cn\"],\"from\":\"\"}") });

        var result = InboundScenario.Result(await scenario.PostAsync(post));

        Assert.Equal(InboundEmailResult.Ignored, result.Outcome);
        Assert.Empty(scenario.Records.All);
    }

    [Fact]
    public async Task HandleAsync_OversizeAndDisallowedAttachments_CaseOpensWithRefusalsNoted()
    {
        var scenario = InboundScenario.Create();
        byte[] oversize = [.. EvidenceSamples.Jpeg, .. new byte[11 * 1024 * 1024]];
        var post = Parsed(attachments: [("setup.exe", EvidenceSamples.Exe), ("huge.jpg", oversize), ("照片.jpg", EvidenceSamples.Jpeg)]);

        var result = InboundScenario.Result(await scenario.PostAsync(post));

        Assert.Equal(InboundEmailResult.Opened, result.Outcome);
        Assert.Equal(2, result.RefusedAttachments!.Count);
        Assert.Equal("照片.jpg", Assert.Single(await scenario.EvidenceAsync(result.TrackingNumber!)).FileName);
        var timeline = await scenario.TimelineAsync(result.TrackingNumber!);
        var refused = timeline.Where(e => e.Action == InboundCaseNotes.EvidenceRefused).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, e => Assert.False(e.IsPublic));
        Assert.All(refused, e => Assert.Null(e.Detail));
        Assert.Equal(
            ["Attachment setup.exe refused: only JPEG, PNG, GIF, WebP, PDF and plain text files are accepted", "Attachment huge.jpg refused: a file may be at most 10 MB"],
            refused.Select(e => scenario.Render(e, CaseLanguage.English).Text));
        Assert.Equal("附件 huge.jpg 被拒收：单个文件不能超过 10 MB", scenario.Render(refused[1], CaseLanguage.Chinese).Text);
        var told = Assert.Single(timeline, e => e.IsPublic && e.Action == InboundCaseNotes.AttachmentsRefused);
        Assert.Equal((null, "file-type,file-too-large"), (told.Detail, told.Parameters![P.Reasons]));
        Assert.Equal("部分附件未能接收：仅接受 JPEG、PNG、GIF、WebP、PDF 和纯文本文件；单个文件不能超过 10 MB", scenario.Render(told, CaseLanguage.Chinese).Text);
        Assert.DoesNotContain(timeline, e => e.IsPublic && (e.Parameters?.Values ?? []).Append(e.Detail ?? "").Any(v => v.Contains("setup.exe", StringComparison.Ordinal) || v.Contains("huge.jpg", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HandleAsync_SpfAndDkimFailures_RecordedForStaffOnly()
    {
        var scenario = InboundScenario.Create();
        var post = Parsed(fields: new Dictionary<string, byte[]?> { ["SPF"] = Utf8("fail"), ["dkim"] = Utf8("{@example.cn : fail (body hash did not verify)}") });

        var result = InboundScenario.Result(await scenario.PostAsync(post));

        var note = Assert.Single(await scenario.TimelineAsync(result.TrackingNumber!), e => e.Action == "email-authentication-failed");
        Assert.False(note.IsPublic);
        Assert.Equal(("SPF: fail; DKIM: {@example.cn : fail (body hash did not verify)}", null), (note.Parameters![P.Verdict], note.Detail));
        Assert.Equal("发件人验证未通过：SPF: fail; DKIM: {@example.cn : fail (body hash did not verify)}", scenario.Render(note, CaseLanguage.Chinese).Text);
    }

    [Fact]
    public async Task HandleAsync_SenderAddressIntakeRefuses_400AndNoCase()
    {
        var scenario = InboundScenario.Create();
        var post = Parsed(fields: new Dictionary<string, byte[]?> { ["from"] = Utf8("root@localhost") });

        var response = await scenario.PostAsync(post);

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(scenario.Records.All);
    }

    [Fact]
    public async Task HandleAsync_NoSecretConfigured_503NotConfigured()
    {
        var scenario = InboundScenario.Create(secret: "");

        var response = await scenario.PostAsync(Parsed());

        Assert.Equal(503, response.StatusCode);
        Assert.Empty(scenario.Records.All);
    }
}
