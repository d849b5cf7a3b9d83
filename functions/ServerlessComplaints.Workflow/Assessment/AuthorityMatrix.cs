using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>Who may approve a remedy of a given amount, and the next rung to escalate an approval to.</summary>
public sealed class AuthorityMatrix
{
    private readonly AuthorityOptions _options;

    /// <exception cref="ArgumentException">The options fail <see cref="AuthorityOptions.Validate"/>.</exception>
    public AuthorityMatrix(AuthorityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid authority limits: {string.Join(" ", errors)}", nameof(options));
        }

        _options = options;
    }

    /// <summary>The highest amount <paramref name="role"/> may approve; null means unlimited (always so for the centre head).</summary>
    public decimal? LimitOf(StaffRole role) => role switch
    {
        StaffRole.Staff => _options.StaffLimit,
        StaffRole.Supervisor => _options.SupervisorLimit,
        StaffRole.Manager => _options.ManagerLimit,
        StaffRole.CentreHead => null,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown staff role."),
    };

    /// <summary>Whether <paramref name="role"/> may approve <paramref name="amount"/>; a remedy without money (null or 0) any role may.</summary>
    public bool CanApprove(StaffRole role, decimal? amount)
    {
        var limit = LimitOf(role);
        if (amount is not { } value || value == 0)
        {
            return true;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(amount));
        return limit is null || value <= limit;
    }

    /// <summary>The lowest role whose limit covers <paramref name="amount"/>; Staff when within the staff limit.</summary>
    public StaffRole RequiredRole(decimal? amount)
    {
        for (StaffRole? role = StaffRole.Staff; role is { } current; role = NextRole(current))
        {
            if (CanApprove(current, amount))
            {
                return current;
            }
        }

        return StaffRole.CentreHead;
    }

    /// <summary>The next rung up (Staff → Supervisor → Manager → CentreHead); null above the centre head.</summary>
    public static StaffRole? NextRole(StaffRole role) => role switch
    {
        StaffRole.Staff => StaffRole.Supervisor,
        StaffRole.Supervisor => StaffRole.Manager,
        StaffRole.Manager => StaffRole.CentreHead,
        StaffRole.CentreHead => null,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown staff role."),
    };
}
