namespace ServerlessComplaints.Workflow.Api;

/// <summary>The JSON body of <c>POST /api/staff/complaints/{trackingNumber}/{action}</c>; each action reads the fields it needs.</summary>
public sealed record StaffActionBody
{
    public string? RootCause { get; init; }

    public string? ResponsibleParty { get; init; }

    public string? Facts { get; init; }

    public RemedyBody? Remedy { get; init; }

    public string? Answer { get; init; }

    public bool? Adopted { get; init; }

    public string? Reply { get; init; }

    public string? Comment { get; init; }

    public string? Reference { get; init; }

    public string? Reason { get; init; }

    public bool? Accepted { get; init; }

    public int? Rating { get; init; }

    public bool? Hold { get; init; }

    /// <summary>An internal note's text (action "note").</summary>
    public string? Note { get; init; }

    /// <summary>The new owner's staff id (action "reassign").</summary>
    public string? Owner { get; init; }
}
