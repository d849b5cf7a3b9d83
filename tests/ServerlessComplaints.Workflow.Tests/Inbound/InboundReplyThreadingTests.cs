using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Tests.Evidence;
using static ServerlessComplaints.Workflow.Tests.Inbound.SendGridPosts;
using P = ServerlessComplaints.Workflow.Cases.TimelineParameters;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

/// <summary>Who a reply to a case is from decides where it lands: the customer's message, a staff note, or held for review.</summary>
public class InboundReplyThreadingTests
{
    private static InboundPost Reply(string tn, string messageId, string from, string text = "补充说明。", string spf = "pass", string? dkim = null, string? envelopeFrom = null, IReadOnlyList<(string, byte[])>? attachments = null) =>
        Parsed(messageId: $"<{messageId}>", subject: $"Re: {tn}", text: text, attachments: attachments, fields: new Dictionary<string, byte[]?>
        {
            ["from"] = Utf8(from),
            ["SPF"] = Utf8(spf),
            ["dkim"] = dkim is null ? null : Utf8(dkim),
            ["envelope"] = Utf8($"{{\"to\":[\"{Inbox}\"],\"from\":\"{envelopeFrom ?? from}\"}}"),
        });

    [Fact]
    public async Task HandleAsync_StrangerQuotingTrackingNumber_HeldForStaffWithoutEvidence()
    {
        var scenario = InboundScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();

        var result = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "stranger@evil.example", "stranger@evil.example", "我是客服，请点击 https://evil.example/x", attachments: [("invoice.jpg", EvidenceSamples.Jpeg)])));

        Assert.Equal((InboundEmailResult.Held, tn), (result.Outcome, result.TrackingNumber));
        var timeline = await scenario.TimelineAsync(tn);
        var held = Assert.Single(timeline, e => e.Action == InboundReplyRecorder.HeldMessage);
        Assert.False(held.IsPublic);
        Assert.Equal(("stranger@evil.example", ReplySender.NotCustomer, "invoice.jpg"), (held.Parameters![P.Sender], held.Parameters[P.Held], held.Parameters[P.NotKept]));
        var zh = scenario.Render(held, CaseLanguage.Chinese);
        Assert.Equal(("来自 stranger@evil.example 的邮件待审核：不是客户的邮箱地址；未保存的附件：invoice.jpg", "我是客服，请点击 https://evil.example/x"), (zh.Text, zh.Quote));
        Assert.Equal("Email from stranger@evil.example held for review: not the customer's address; attachments not kept: invoice.jpg", scenario.Render(held, CaseLanguage.English).Text);
        Assert.DoesNotContain(timeline, e => e.IsPublic && (e.Parameters?.Values ?? []).Append(e.Detail ?? "").Any(v => v.Contains("evil.example", StringComparison.Ordinal) || v.Contains("invoice.jpg", StringComparison.Ordinal)));
        Assert.DoesNotContain(timeline, e => e.Action == InboundReplyRecorder.CustomerMessage);
        Assert.Empty(await scenario.EvidenceAsync(tn));
        var owner = Assert.Single(scenario.Harness.Mailbox.Mails, m => m.NotificationId.StartsWith($"{tn}-in-", StringComparison.Ordinal));
        Assert.StartsWith("待审核来信", owner.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"https://evil.example", owner.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fail", "{@example.cn : fail}", null)]
    [InlineData("softfail", null, null)]
    [InlineData("pass", null, "bounce@evil.example")]
    [InlineData("none", null, null)]
    public async Task HandleAsync_CustomerAddressNotVouchedFor_Held(string spf, string? dkim, string? envelopeFrom)
    {
        var scenario = InboundScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();

        var result = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "spoof@evil.example", CustomerAddress, spf: spf, dkim: dkim, envelopeFrom: envelopeFrom)));

        Assert.Equal(InboundEmailResult.Held, result.Outcome);
        var timeline = await scenario.TimelineAsync(tn);
        Assert.DoesNotContain(timeline, e => e.Action == InboundReplyRecorder.CustomerMessage);
        var held = Assert.Single(timeline, e => e.Action == InboundReplyRecorder.HeldMessage);
        Assert.Equal(ReplySender.CustomerUnverified, held.Parameters![P.Held]);
        Assert.Equal(spf == "fail" || spf == "softfail", held.Parameters.ContainsKey(P.Verdict));
        Assert.StartsWith($"来自 {CustomerAddress} 的邮件待审核：是客户的邮箱地址，但 SPF/DKIM 未能证实", scenario.Render(held, CaseLanguage.Chinese).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fail", "{@example.cn : pass}", null)]
    [InlineData("none", "{@mail.example.cn : pass}", null)]
    [InlineData("pass", null, "bounce@mail.example.cn")]
    public async Task HandleAsync_CustomerAddressVouchedFor_CustomersMessage(string spf, string? dkim, string? envelopeFrom)
    {
        var scenario = InboundScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();

        var result = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "mine@mail.example.cn", CustomerAddress, spf: spf, dkim: dkim, envelopeFrom: envelopeFrom)));

        Assert.Equal(InboundEmailResult.Threaded, result.Outcome);
        Assert.True(Assert.Single(await scenario.TimelineAsync(tn), e => e.Action == InboundReplyRecorder.CustomerMessage).IsPublic);
    }

    [Fact]
    public async Task HandleAsync_StaffAddress_StaffNoteNotCustomerMessage()
    {
        var scenario = InboundScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();

        var result = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "staff@mail.example.cn", "li.na@example.cn", "已电话联系客户。", dkim: "{@example.cn : pass}", attachments: [("通话记录.jpg", EvidenceSamples.Jpeg)])));

        Assert.Equal(InboundEmailResult.Threaded, result.Outcome);
        var timeline = await scenario.TimelineAsync(tn);
        var note = Assert.Single(timeline, e => e.Action == InboundReplyRecorder.StaffNote);
        Assert.Equal(("li.na", false), (note.Actor, note.IsPublic));
        Assert.Equal(("已电话联系客户。", "通话记录.jpg"), (note.Detail, note.Parameters![P.NotKept]));
        var line = scenario.Render(note, CaseLanguage.Chinese);
        Assert.Equal(("通过邮件收到的备注；未保存的附件：通话记录.jpg", "已电话联系客户。", "李娜"), (line.Text, line.Quote, line.Actor));
        Assert.DoesNotContain(timeline, e => e.Action == InboundReplyRecorder.CustomerMessage);
        Assert.Empty(await scenario.EvidenceAsync(tn));
    }

    [Fact]
    public async Task HandleAsync_StrangerUsedTheCustomersMessageIdFirst_CustomersMailStillThreads()
    {
        var scenario = InboundScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();

        var stranger = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "predicted-1@mail.example.cn", "stranger@evil.example")));
        var spoof = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "predicted-1@mail.example.cn", CustomerAddress, spf: "fail")));
        var customer = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "predicted-1@mail.example.cn", CustomerAddress, "这是我本人。", dkim: "{@example.cn : pass}")));
        var again = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "predicted-1@mail.example.cn", CustomerAddress, "这是我本人。", dkim: "{@example.cn : pass}")));

        Assert.Equal((InboundEmailResult.Held, InboundEmailResult.Held), (stranger.Outcome, spoof.Outcome));
        Assert.Equal((InboundEmailResult.Threaded, InboundEmailResult.Duplicate), (customer.Outcome, again.Outcome));
        Assert.Equal("这是我本人。", Assert.Single(await scenario.TimelineAsync(tn), e => e.Action == InboundReplyRecorder.CustomerMessage).Detail);
    }

    [Fact]
    public async Task HandleAsync_HeldAttachments_DoNotUseUpTheCustomersEvidenceLimit()
    {
        var scenario = InboundScenario.Create();
        var tn = await scenario.Harness.SubmitAsync();
        var five = Enumerable.Range(1, 5).Select(i => ($"photo{i}.jpg", EvidenceSamples.Jpeg)).ToList();

        await scenario.PostAsync(Reply(tn, "flood@evil.example", "stranger@evil.example", attachments: five));
        var customer = InboundScenario.Result(await scenario.PostAsync(Reply(tn, "own@mail.example.cn", CustomerAddress, dkim: "{@example.cn : pass}", attachments: five)));

        Assert.Null(customer.RefusedAttachments);
        Assert.Equal(5, (await scenario.EvidenceAsync(tn)).Count);
    }
}
