using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>A person in the staff directory: who they are, where to mail them, their department id and authority rung.</summary>
public sealed record StaffMember(string Id, string Name, string Email, string Department, StaffRole Role);
