using HotelPlatform.Connectors.Analytics.Sgd;

namespace HotelPlatform.Connectors.Analytics.Tests;

public sealed class IntentDetectorTests
{
    [Fact]
    public async Task The_detector_trained_on_train_beats_the_majority_intent_on_dev_by_a_wide_margin()
    {
        var detector = await TrainedDetector.GetAsync();
        var dev = SgdIntentExamples.From(await TrainedDetector.DevAsync()).ToList();

        double accuracy = dev.Count(e => detector.Detect(e.Text, e.PreviousAgentUtterance).Intent == e.Intent) / (double)dev.Count;
        double majority = dev.GroupBy(e => e.Intent).Max(g => g.Count()) / (double)dev.Count;

        TestContext.Current.TestOutputHelper?.WriteLine($"intent accuracy on dev: {accuracy:P2} over {dev.Count} user turns; majority intent {majority:P2}");
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:P2}");
        Assert.True(accuracy - majority >= 0.2, $"accuracy {accuracy:P2} vs majority {majority:P2}");
    }

    [Fact]
    public async Task Confidence_is_a_probability_and_the_predicted_intent_is_one_the_model_knows()
    {
        var detector = await TrainedDetector.GetAsync();

        var prediction = detector.Detect("I'd like to book a room at that hotel for three nights please", "Would you like to reserve a room?");

        Assert.Contains(prediction.Intent, detector.Intents);
        Assert.InRange(prediction.Confidence, 0.0, 1.0);
        Assert.Equal("ReserveHotel", prediction.Intent);
    }

    [Fact]
    public void Training_on_one_intent_only_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MlNetIntentDetector.Train([new("hello", null, "NONE"), new("hi", null, "NONE")]));
    }
}
