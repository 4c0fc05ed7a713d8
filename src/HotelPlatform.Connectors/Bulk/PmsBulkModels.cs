namespace HotelPlatform.Connectors.Bulk;

/// <summary>How a chain-wide job runs: parallelism per vendor account and where its checkpoint lives.</summary>
public sealed class PmsBulkOptions
{
    /// <summary>Gets or sets how many items of one vendor account run at the same time (1 to 64). Default 4.</summary>
    public int MaxParallelismPerAccount { get; set; } = 4;

    /// <summary>
    /// Gets or sets the checkpoint file (JSON lines, one line per finished item, flushed as it is written). A run with
    /// the same file skips the items that succeeded before and runs the rest; <see langword="null"/> for none.
    /// </summary>
    public string? CheckpointPath { get; set; }

    /// <summary>
    /// Gets or sets what, besides the item ids, defines the job (its dates, the values it pushes, a reason). The ids and
    /// this text make the fingerprint stored in the checkpoint: a run whose fingerprint differs from the checkpoint's
    /// throws <see cref="PmsBulkCheckpointMismatchException"/> instead of skipping items of another job.
    /// </summary>
    public string? Parameters { get; set; }

    /// <summary>Gets or sets whether to discard an existing checkpoint and run every item again. Default <see langword="false"/>.</summary>
    public bool StartAfresh { get; set; }
}

/// <summary>What became of one item of a bulk job.</summary>
public enum PmsBulkItemStatus
{
    /// <summary>The item was not run: the job was cancelled first. A resumed run does it.</summary>
    NotRun = 0,

    /// <summary>The item's work completed.</summary>
    Succeeded,

    /// <summary>The item's work threw; <see cref="PmsBulkItemResult{TResult}.Error"/> says what. A resumed run tries it again.</summary>
    Failed,

    /// <summary>The item's connector cannot do the work (it threw <see cref="PmsNotSupportedException"/>); a resumed run does not try it again.</summary>
    NotSupported,
}

/// <summary>The result of one item.</summary>
/// <typeparam name="TResult">What the item's work returns.</typeparam>
/// <param name="ItemId">The item's id.</param>
/// <param name="AccountKey">The vendor account the item ran against.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Value">The work's result when it succeeded in this run; default otherwise (also for an item a checkpoint says succeeded earlier).</param>
/// <param name="Error">For a failure: the exception's type and message.</param>
/// <param name="FromCheckpoint">Whether the item succeeded in an earlier run and was skipped.</param>
public sealed record PmsBulkItemResult<TResult>(string ItemId, string AccountKey, PmsBulkItemStatus Status, TResult? Value, string? Error, bool FromCheckpoint);

/// <summary>Progress of a bulk job, reported after every finished item.</summary>
/// <param name="Total">The number of items of the job.</param>
/// <param name="Succeeded">Items succeeded so far (including those a checkpoint skipped).</param>
/// <param name="Failed">Items failed so far.</param>
/// <param name="LastItemId">The item that just finished, if any.</param>
public sealed record PmsBulkProgress(int Total, int Succeeded, int Failed, string? LastItemId)
{
    /// <summary>Gets the items whose connector cannot do the work, so far (including those a checkpoint skipped).</summary>
    public int NotSupported { get; init; }

    /// <summary>Gets the items finished so far.</summary>
    public int Done => Succeeded + Failed + NotSupported;
}

/// <summary>The report of a bulk job: one result per item, in the items' order. A partial failure is a report, not an exception.</summary>
/// <typeparam name="TResult">What an item's work returns.</typeparam>
/// <param name="Items">One result per item.</param>
/// <param name="Cancelled">Whether the job was cancelled before every item had run.</param>
public sealed record PmsBulkReport<TResult>(IReadOnlyList<PmsBulkItemResult<TResult>> Items, bool Cancelled)
{
    /// <summary>Gets the number of items that succeeded (in this run or an earlier one).</summary>
    public int Succeeded => Items.Count(i => i.Status == PmsBulkItemStatus.Succeeded);

    /// <summary>Gets the number of items that failed.</summary>
    public int Failed => Items.Count(i => i.Status == PmsBulkItemStatus.Failed);

    /// <summary>Gets the number of items whose connector cannot do the work.</summary>
    public int NotSupported => Items.Count(i => i.Status == PmsBulkItemStatus.NotSupported);

    /// <summary>Gets the number of items not run because the job was cancelled.</summary>
    public int NotRun => Items.Count(i => i.Status == PmsBulkItemStatus.NotRun);
}
