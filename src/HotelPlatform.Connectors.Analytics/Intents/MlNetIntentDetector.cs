using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// The baseline intent detector: ML.NET word unigram and bigram features (lower-cased, punctuation and numbers removed)
/// of the guest's utterance and of the agent's utterance before it, into a maximum-entropy (multinomial logistic regression) classifier trained with SDCA on
/// one thread, so the same examples and seed give the same model. Thread-safe.
/// </summary>
public sealed class MlNetIntentDetector : IIntentDetector
{
    private readonly PredictionEngine<UtteranceRow, PredictionRow> _engine;
    private readonly string[] _labels;
    private readonly Lock _lock = new();

    private MlNetIntentDetector(PredictionEngine<UtteranceRow, PredictionRow> engine, string[] labels)
    {
        _engine = engine;
        _labels = labels;
    }

    /// <summary>The SDCA passes over the data: accuracy on SGD dev stops moving well before, and each pass costs seconds.</summary>
    public const int MaximumIterations = 10;

    /// <summary>Gets the intents the model can predict.</summary>
    public IReadOnlyList<string> Intents => _labels;

    /// <summary>Trains a detector.</summary>
    /// <param name="examples">The labelled utterances (for SGD: <see cref="Sgd.SgdIntentExamples.From"/> of the train split).</param>
    /// <param name="seed">The seed of ML.NET's random choices.</param>
    /// <returns>The trained detector.</returns>
    public static MlNetIntentDetector Train(IEnumerable<LabeledUtterance> examples, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var rows = examples.Select(e => new UtteranceRow { Text = e.Text, Context = e.PreviousAgentUtterance ?? string.Empty, Label = e.Intent }).ToList();
        if (rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new ArgumentException("Training needs examples of at least two intents.", nameof(examples));
        }

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", WordFeatures(), nameof(UtteranceRow.Text)))
            .Append(ml.Transforms.Text.FeaturizeText("ContextFeatures", WordFeatures(), nameof(UtteranceRow.Context)))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "ContextFeatures"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, MaximumNumberOfIterations = MaximumIterations }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);

        // The score vector's slots are in the label key's order; its names are the labels.
        var schema = model.GetOutputSchema(data.Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Score"].GetSlotNames(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        return new MlNetIntentDetector(ml.Model.CreatePredictionEngine<UtteranceRow, PredictionRow>(model), labels);
    }

    // Word n-grams only: character n-grams made training minutes long on a busy two-core machine for no accuracy gain
    // worth it at this size (see docs/analytics.md).
    private static TextFeaturizingEstimator.Options WordFeatures() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepPunctuations = false,
        KeepNumbers = false,
        CharFeatureExtractor = null,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
    };

    /// <inheritdoc/>
    public IntentPrediction Detect(string utterance, string? previousAgentUtterance = null)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        PredictionRow prediction;
        lock (_lock)
        {
            prediction = _engine.Predict(new UtteranceRow { Text = utterance, Context = previousAgentUtterance ?? string.Empty, Label = string.Empty });
        }

        int index = Array.IndexOf(_labels, prediction.PredictedLabel);
        return new IntentPrediction(prediction.PredictedLabel, index >= 0 ? prediction.Score[index] : 0d);
    }

    private sealed class UtteranceRow
    {
        public string Text { get; set; } = string.Empty;

        public string Context { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    private sealed class PredictionRow
    {
        [ColumnName("PredictedLabel")]
        public string PredictedLabel { get; set; } = string.Empty;

        public float[] Score { get; set; } = [];
    }
}
