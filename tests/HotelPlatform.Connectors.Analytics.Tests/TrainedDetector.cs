using HotelPlatform.Connectors.Analytics.Sgd;

namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>The intent detector trained once per test run on the SGD train split (training takes seconds, not milliseconds).</summary>
internal static class TrainedDetector
{
    private static readonly Lazy<Task<MlNetIntentDetector>> Detector = new(async () =>
        MlNetIntentDetector.Train(SgdIntentExamples.From(await SgdDialogueReader.ReadAllAsync(SgdDataset.TrainDialogues))));

    private static readonly Lazy<Task<IReadOnlyList<SgdDialogue>>> Dev = new(() => SgdDialogueReader.ReadAllAsync(SgdDataset.DevDialogues));

    public static Task<MlNetIntentDetector> GetAsync()
    {
        _ = SgdDataset.TrainDialogues; // skips here, with the reason, when the dataset is absent
        return Detector.Value;
    }

    public static Task<IReadOnlyList<SgdDialogue>> DevAsync()
    {
        _ = SgdDataset.DevDialogues;
        return Dev.Value;
    }
}
