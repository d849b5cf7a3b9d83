namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>
/// Sends a mail once through the outbox, even when two workers run the same send at once (an activity message that
/// reappeared on another node while the first still ran it): the one that claims the notification sends it; the other
/// waits until it is marked sent, or until the claim runs out (its worker died mid-send) and claims it in turn.
/// </summary>
public static class OutboxDelivery
{
    /// <summary>How long a claim holds off other workers: longer than a send takes, short enough to take over after a crash.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>True when this call sent the mail; false when it was (or has just been) sent by another.</summary>
    public static async Task<bool> SendOnceAsync(this INotificationOutbox outbox, IMailer mailer, OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(mail);
        while (!await outbox.TryClaimAsync(mail, ClaimDuration, cancellationToken).ConfigureAwait(false))
        {
            if (await outbox.IsSentAsync(mail.NotificationId, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        await mailer.SendAsync(mail, cancellationToken).ConfigureAwait(false);
        await outbox.MarkSentAsync(mail.NotificationId, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
