/**
 * The course's public API, one import for every notebook:
 * `import { initBackend, show, … } from "../lib/mod.ts"`. Names are listed explicitly, grouped by
 * the notebook that introduces them (a later notebook reuses earlier names). Everything else is
 * reachable through its folder's `mod.ts` (`lib/kernels/mod.ts`, `lib/scratch/mod.ts`, …), which
 * is what lib's own files, tests and tools import. Folders are layers; see lib/README.md.
 * @module
 */

// Notebook 00 — the tour: backend, plots, exercises
export { initBackend } from "./backend/mod.ts";
export { formatTable, printTable } from "./util/mod.ts";
export { initPlots, lineChart, liveFigure, progressLine, show } from "./plot/mod.ts";
export { check, loadExercises } from "./grading/mod.ts";

// Notebook 01 — a vanilla network and the chain rule
export { relError } from "./util/mod.ts";
export {
  type Activation,
  createMlp,
  denseBackward,
  denseForward,
  fromRows,
  gradCheckParams,
  hiddenChainRule,
  matrix,
  mlpBackward,
  mlpForward,
  mlpGradsByName,
  mlpLossAndGrads,
  mlpParams,
  mse,
  numericGradient,
  sgdStep,
  sigmoidBackward,
  sigmoidForward,
  softmaxCrossEntropy,
  unitChainRule,
} from "./scratch/mod.ts";
export { makeBlobs, makeSine } from "./tasks/mod.ts";
export { chainRulePreset } from "./presets/mod.ts";
export { computationGraph, TfMlp, toTensors } from "./nn/mod.ts";
export { scatterClasses } from "./plot/mod.ts";

// Notebook 02 — gradient descent
export { Rng } from "./util/mod.ts";
export { makeLine, makeMoons } from "./tasks/mod.ts";
export { descentPreset } from "./presets/mod.ts";
export {
  type DescentResult,
  leastSquares,
  linearLossGrid,
  LinearRegression,
  trainDescent,
} from "./nn/mod.ts";
export { contour, type Figure } from "./plot/mod.ts";

// Notebook 03 — backpropagation and its pitfalls
export { type GradCheckOptions } from "./scratch/mod.ts";
export { pitfallsPreset } from "./presets/mod.ts";
export { probeDeepMlp, type ProbeOptions, type ProbeResult } from "./nn/mod.ts";
export { barChart, histograms } from "./plot/mod.ts";

// Notebook 04 — sequences, the vanilla RNN and BPTT
export { maxAbsDiff } from "./util/mod.ts";
export {
  gradCheckArray,
  rnnBackward,
  rnnForward,
  rnnStepBackward,
  rnnStepForward,
  tensor3,
  toNested3,
  toRows,
} from "./scratch/mod.ts";
export {
  accuracyByDistance,
  accuracyInRange,
  decodeSequence,
  longDependencyTask,
  oneHotSequence,
  windowFeatures,
} from "./tasks/mod.ts";
export { rnnBpttPreset } from "./presets/mod.ts";
export {
  createSeqClassifier,
  cs231n,
  fitWindowMlp,
  seqAccuracyByDistance,
  seqClassifierLossAndGrads,
  TfSeqModel,
} from "./rnn/mod.ts";
export { trainTfSeqClassifier } from "./train/mod.ts";
export { displayBundle, unrolledRnnSvg } from "./plot/mod.ts";

// Notebook 05 — vanishing and exploding gradients
export { vanishingPreset } from "./presets/mod.ts";
export {
  gradNormsPerStep,
  jacobianNormsPerStep,
  largestSingularValue,
  recurrentWeights,
} from "./rnn/mod.ts";
export { heatmap } from "./plot/mod.ts";

// Notebook 06 — LSTM and GRU
export {
  fromNested3,
  gruForward,
  gruStepForward,
  lstmForward,
  lstmStepForward,
} from "./scratch/mod.ts";
export { bracketTask, isWellNested } from "./tasks/mod.ts";
export { lstmGruPreset } from "./presets/mod.ts";
export { matrixToTensor } from "./nn/mod.ts";
export { CharLM, gruFromPyTorch, gruToKeras, lstmFromPyTorch } from "./rnn/mod.ts";
export { CharVocab, generate } from "./text/mod.ts";
export { charLMTrainer, Trainer } from "./train/mod.ts";

// Notebook 07 — a character-level language model
export { charLstmPreset } from "./presets/mod.ts";
export {
  formatLoss,
  getBatch,
  loadTinyShakespeare,
  natsToBits,
  perplexity,
  probsFromLogits,
  trainValSplit,
  uniformLoss,
} from "./text/mod.ts";
export { fixedBatches, meanLoss } from "./train/mod.ts";
export { showCharHeat, textStream } from "./plot/mod.ts";

// Notebook 08 — the degradation problem and residual connections
export {
  createResidualMlp,
  residualBlockBackward,
  residualBlockForward,
  residualMlpForward,
  residualMlpGradNorms,
} from "./scratch/mod.ts";
export { makeSpiral } from "./tasks/mod.ts";
export { residualPreset } from "./presets/mod.ts";
export { TfResidualMlp } from "./nn/mod.ts";
export { RecurrentStack } from "./rnn/mod.ts";
export { depthSweep, formatDepthTable } from "./train/mod.ts";

// Notebook 09 — attention as an augmented RNN
export { dotAttentionForward } from "./scratch/mod.ts";
export { decodeTokens, encodeDigits, randomSeq2SeqBatch, seq2seqTestSets } from "./tasks/mod.ts";
export { seq2seqPreset } from "./presets/mod.ts";
export { dotAttention, Seq2Seq, seq2seqAccuracyByLength } from "./rnn/mod.ts";
export { type Seq2SeqHistory, trainSeq2Seq } from "./train/mod.ts";
export { attentionHeatmap, augmentationFigure } from "./plot/mod.ts";
