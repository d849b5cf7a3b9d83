using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Validates and normalises a submission into <see cref="ComplaintDetails"/>, reporting every bad field at once.</summary>
public sealed class IntakeValidator(IntakeLimits limits)
{
    // A customer's clock or time zone may be a little off; further ahead is a typo.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public IntakeResult Validate(ComplaintSubmission? submission, IntakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new IntakeErrors();
        if (submission is null)
        {
            errors.Add("", "body-required");
            return new IntakeResult(null, errors.ToDictionary()) { Problems = errors.All };
        }

        var receivedAtUtc = AsUtc(context.ReceivedAtUtc);
        var kind = Choice(submission.Kind, "kind", IntakeChoices.Kinds, IntakeChoices.Kind, required: true, errors);
        var category = Choice(submission.Category, "category", IntakeChoices.Categories, IntakeChoices.Category, required: true, errors);
        var remedy = Choice(submission.DesiredRemedy, "desiredRemedy", IntakeChoices.Remedies, IntakeChoices.Remedy, required: false, errors);
        var subject = Text(submission.Subject, "subject", limits.MaxSubjectLength, required: true, errors);
        var description = Text(submission.Description, "description", limits.MaxDescriptionLength, required: true, errors, multiline: true);
        var customer = ValidateCustomer(submission.Customer, context.Channel, errors);
        var location = Text(submission.Location, "location", limits.MaxLocationLength, required: false, errors);
        var orderReference = Text(submission.OrderReference, "orderReference", limits.MaxOrderReferenceLength, required: false, errors);
        var occurredAt = ValidateOccurredAt(submission.OccurredAt, receivedAtUtc, errors);
        var requestedLanguage = ValidateLanguage(submission.Language, errors);

        if (!errors.IsEmpty || kind is null || category is null || subject is null || description is null || customer is null)
        {
            return new IntakeResult(null, errors.ToDictionary()) { Problems = errors.All };
        }

        var language = requestedLanguage
            ?? LanguageSelection.FromAcceptLanguage(context.AcceptLanguage)
            ?? LanguageSelection.FromText(subject, description);
        var details = new ComplaintDetails(
            context.TrackingNumber, kind.Value, category.Value, context.Channel, subject, description, customer,
            language, receivedAtUtc, location, orderReference, occurredAt, remedy,
            context.EvidenceBlobNames ?? [], context.LoggedBy);
        return new IntakeResult(details, errors.ToDictionary()) { Problems = errors.All };
    }

    private Customer? ValidateCustomer(CustomerSubmission? submitted, Channel channel, IntakeErrors errors)
    {
        // Web and email customers are answered by email; staff-logged cases may only have a phone number.
        var emailRequired = channel is Channel.Web or Channel.Email;
        var name = Text(submitted?.Name, "customer.name", limits.MaxNameLength, required: true, errors);
        var email = ValidateEmail(submitted?.Email, emailRequired, errors);
        var phone = ValidatePhone(submitted?.Phone, errors);
        var emailGiven = IntakeText.Normalise(submitted?.Email) is not null;
        if (!emailRequired && !emailGiven && IntakeText.Normalise(submitted?.Phone) is null)
        {
            errors.Add("customer", "email-or-phone-required");
        }

        return name is null ? null : new Customer(name, email, phone);
    }

    private string? ValidateEmail(string? raw, bool required, IntakeErrors errors)
    {
        var value = Text(raw, "customer.email", limits.MaxEmailLength, required, errors);
        if (value is null)
        {
            return null;
        }

        var email = EmailAddressRule.Normalise(value, limits.MaxEmailLength);
        if (email is null)
        {
            errors.Add("customer.email", "email-invalid");
        }

        return email;
    }

    private string? ValidatePhone(string? raw, IntakeErrors errors)
    {
        // No length cap in Text: the phone rule reports its own 5-to-max range.
        var value = Text(raw, "customer.phone", int.MaxValue, required: false, errors);
        var problem = value is null ? null : PhoneNumberRule.Check(value, limits.MaxPhoneLength);
        if (problem is { } found)
        {
            errors.Add("customer.phone", found.Code, found.Arguments);
            return null;
        }

        return value;
    }

    private static DateTimeOffset? ValidateOccurredAt(string? raw, DateTime receivedAtUtc, IntakeErrors errors)
    {
        var value = IntakeText.Normalise(raw);
        if (value is null)
        {
            return null;
        }

        if (!OccurrenceTime.TryParse(value, out var occurredAt))
        {
            errors.Add("occurredAt", "date-format");
            return null;
        }

        if (occurredAt.UtcDateTime > receivedAtUtc + FutureTolerance)
        {
            errors.Add("occurredAt", "date-future");
            return null;
        }

        return occurredAt;
    }

    private static string? ValidateLanguage(string? raw, IntakeErrors errors)
    {
        var value = IntakeText.Normalise(raw);
        var language = value is null ? null : LanguageSelection.FromField(value);
        if (value is not null && language is null)
        {
            errors.Add("language", "language-unsupported");
        }

        return language;
    }

    private static TEnum? Choice<TEnum>(
        string? raw, string key, string allowed, Func<string, TEnum?> parse, bool required, IntakeErrors errors)
        where TEnum : struct, Enum
    {
        var value = IntakeText.Normalise(raw);
        if (value is null)
        {
            if (required)
            {
                errors.Add(key, "required");
            }

            return null;
        }

        var parsed = parse(value);
        if (parsed is null)
        {
            errors.Add(key, "one-of", ("allowed", allowed));
        }

        return parsed;
    }

    private static string? Text(
        string? raw, string key, int maxLength, bool required, IntakeErrors errors, bool multiline = false)
    {
        var value = IntakeText.Normalise(raw);
        (string Code, (string Name, object Value)[] Arguments)? problem = value switch
        {
            null => required ? ("required", []) : null,
            _ when !multiline && IntakeText.HasLineBreak(value) => ("single-line", []),
            _ when IntakeText.HasControlCharacter(value, multiline) => ("control-characters", []),
            _ when IntakeText.InvisibleFormatting(value, multiline) is { } hidden => ("invisible-characters", [("character", $"U+{hidden.Value:X4}")]),
            _ when value.Length > maxLength => ("too-long", [("max", maxLength)]),
            _ => null,
        };
        if (problem is { } found)
        {
            errors.Add(key, found.Code, found.Arguments);
            return null;
        }

        return value;
    }

    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
