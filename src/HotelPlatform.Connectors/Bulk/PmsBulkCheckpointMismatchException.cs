namespace HotelPlatform.Connectors.Bulk;

/// <summary>
/// A bulk job was given a checkpoint written by another job (other item ids or other
/// <see cref="PmsBulkOptions.Parameters"/>): resuming from it would skip items this job never did. Run the job with
/// the items and parameters that wrote the checkpoint, give it another checkpoint file, or start afresh
/// (<see cref="PmsBulkOptions.StartAfresh"/>) to discard it.
/// </summary>
public sealed class PmsBulkCheckpointMismatchException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="PmsBulkCheckpointMismatchException"/> class.</summary>
    public PmsBulkCheckpointMismatchException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsBulkCheckpointMismatchException"/> class.</summary>
    /// <param name="message">What does not match.</param>
    public PmsBulkCheckpointMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsBulkCheckpointMismatchException"/> class.</summary>
    /// <param name="message">What does not match.</param>
    /// <param name="innerException">The cause.</param>
    public PmsBulkCheckpointMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PmsBulkCheckpointMismatchException"/> class.</summary>
    /// <param name="checkpointPath">The full path of the checkpoint file.</param>
    /// <param name="storedFingerprint">The fingerprint the checkpoint holds.</param>
    /// <param name="jobFingerprint">The fingerprint of the job that was started.</param>
    public PmsBulkCheckpointMismatchException(string checkpointPath, string storedFingerprint, string jobFingerprint)
        : base($"The checkpoint '{checkpointPath}' was written by a job with other items or parameters (its fingerprint {storedFingerprint}, this job's {jobFingerprint}); resuming from it would skip items this job never did. Rerun the job that wrote it, use another checkpoint file, or start afresh to discard it.")
    {
        CheckpointPath = checkpointPath;
        StoredFingerprint = storedFingerprint;
        JobFingerprint = jobFingerprint;
    }

    /// <summary>Gets the full path of the checkpoint file.</summary>
    public string CheckpointPath { get; } = string.Empty;

    /// <summary>Gets the fingerprint the checkpoint holds.</summary>
    public string StoredFingerprint { get; } = string.Empty;

    /// <summary>Gets the fingerprint of the job that was started.</summary>
    public string JobFingerprint { get; } = string.Empty;
}
