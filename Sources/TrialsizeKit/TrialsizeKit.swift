// TrialsizeKit: trialsize as a Swift library. `import TrialsizeKit` brings every public layer:
// Probability (distributions, root finding, integer searches, seeded Monte Carlo), TrialDesign
// (the designs, their solvers and operating characteristics) and TrialReport (text, Markdown,
// LaTeX, JSON, HTML and SVG renderings, justification paragraphs). An embedder that needs only
// the numbers imports TrialsizeNumerics instead, which leaves out the report layer and its
// template engine. Getting started: TrialsizeKit.docc/GettingStarted.md.

@_exported import Probability
@_exported import TrialDesign
@_exported import TrialReport
