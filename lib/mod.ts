/**
 * The course's public API, one import for every notebook:
 * `import { initBackend, show, … } from "../lib/mod.ts"`. Names are listed explicitly, grouped by
 * the notebook that introduces them (a later notebook reuses earlier names). Everything else is
 * reachable through its folder's `mod.ts` (`lib/kernels/mod.ts`, `lib/scratch/mod.ts`, …), which
 * is what lib's own files, tests and tools import. Folders are layers; see lib/README.md.
 * @module
 */

// Notebook 00 — the tour: backend, plots, exercises
export { initBackend, matMulSpeed } from "./backend/mod.ts";
export { formatTable, printTable } from "./util/mod.ts";
export {
  busy,
  flushOutputs,
  initPlots,
  lineChart,
  liveFigure,
  progressLine,
  show,
  showSvg,
} from "./plot/mod.ts";
export { check, loadExercises } from "./grading/mod.ts";

// Notebook 01 — a vanilla network and the chain rule
export { formatSpread, relError, spread } from "./util/mod.ts";
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
export { fitMse } from "./train/mod.ts";

// Notebook 02 — gradient descent
export { Rng } from "./util/mod.ts";
export { adamDefaults, adamInit, adamStep } from "./scratch/mod.ts";
export { makeLine, makeMoons } from "./tasks/mod.ts";
export { descentPreset } from "./presets/mod.ts";
export { leastSquares, linearLoss, linearLossGrid, LinearRegression } from "./nn/mod.ts";
export { type DescentResult, trainDescent } from "./train/mod.ts";
export { contour, type Figure, meanRangeChart } from "./plot/mod.ts";

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
  CUED_RECALL,
  cuedRecallSplit,
  cuedRecallTask,
  decodeSequence,
  longDependencyTask,
  oneHotSequence,
  windowFeatures,
} from "./tasks/mod.ts";
export { rnnBpttPreset } from "./presets/mod.ts";
export {
  createSeqClassifier,
  cs231n,
  seqAccuracyByDistance,
  seqClassifierLossAndGrads,
  TfSeqModel,
} from "./rnn/mod.ts";
export { fitWindowMlp, trainTfSeqClassifier } from "./train/mod.ts";
export { displayBundle, unrolledRnnSvg } from "./plot/mod.ts";

// Notebook 05 — vanishing and exploding gradients
export { vanishingPreset } from "./presets/mod.ts";
export {
  gradNormsPerStep,
  jacobianNormsPerStep,
  largestSingularValue,
  recurrentWeights,
  sgdUpdate,
} from "./rnn/mod.ts";
export { seqBatch } from "./tasks/mod.ts";
export { heatmap } from "./plot/mod.ts";

// Notebook 06 — LSTM and GRU
export {
  fromNested3,
  gruForward,
  gruStepBackward,
  gruStepForward,
  lstmBackward,
  lstmForward,
  lstmStepBackward,
  lstmStepForward,
} from "./scratch/mod.ts";
export {
  bracketTask,
  isWellNested,
  respace,
  spaceRestorationTask,
  type TaggingData,
  taggingScores,
} from "./tasks/mod.ts";
export { lstmGruPreset } from "./presets/mod.ts";
export { matrixToTensor } from "./nn/mod.ts";
export {
  BidirectionalLayer,
  CharLM,
  gruFromPyTorch,
  gruToKeras,
  lstmFromPyTorch,
  RecurrentTagger,
  type Tagger,
  WindowTagger,
} from "./rnn/mod.ts";
export { CharVocab, generate } from "./text/mod.ts";
export { charLMTrainer, fitBatchModel, Trainer, trainSeqModel } from "./train/mod.ts";

// Notebook 07 — a character-level language model
export {
  addRow,
  matmul,
  type Matrix,
  type RnnStepCache,
  setTimeStep,
  softmax,
  sumRows,
  temporalSoftmaxLoss,
  timeStep,
  transpose,
} from "./scratch/mod.ts";
export { charLstmPreset } from "./presets/mod.ts";
export { type CharLMState } from "./rnn/mod.ts";
export {
  type Batch,
  formatLoss,
  getBatch,
  loadTinyShakespeare,
  natsToBits,
  perplexity,
  probsFromLogits,
  sequentialBatch,
  sequentialBatchCount,
  trainValSplit,
  uniformLoss,
} from "./text/mod.ts";
export { type CharLMRun, fixedBatches, meanLoss, streamLoss, trainCharLM } from "./train/mod.ts";
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
export {
  depthSweep,
  depthSweepRows,
  depthSweepSeries,
  depthSweepStats,
  formatDepthTable,
  mlpSweepModel,
  stackSweepModel,
} from "./train/mod.ts";

// Notebook 09 — attention as an augmented RNN
export { dotAttentionForward } from "./scratch/mod.ts";
export { decodeTokens, encodeDigits, randomSeq2SeqBatch, seq2seqTestSets } from "./tasks/mod.ts";
export { seq2seqPreset } from "./presets/mod.ts";
export {
  attentionPeakOffsets,
  attentionPeaks,
  dotAttention,
  Seq2Seq,
  seq2seqAccuracyByLength,
} from "./rnn/mod.ts";
export { type Seq2SeqHistory, trainSeq2Seq } from "./train/mod.ts";
export { attentionHeatmap, augmentationFigure } from "./plot/mod.ts";
