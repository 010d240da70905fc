// TrialsizeNumerics: the numbers of trialsize without its report layer. `import TrialsizeNumerics`
// brings Probability and TrialDesign (no Foundation, no template engine): for an embedder that
// computes sample sizes, operating characteristics and intervals and renders them itself.

@_exported import Probability
@_exported import TrialDesign
