/** Every figure of the deck, in slide order: the file it is written to (under img/) and how to draw it. */
import type { RenderedFigure } from './figure.ts';
import { aiFunctionFigure } from './figures/aiFunction.ts';
import { aiInferenceFigure, aiLearningFigure } from './figures/aiLearningInference.ts';
import { backpropGraphFigure } from './figures/backpropGraph.ts';
import { descentParabolaFigure } from './figures/descentParabola.ts';
import { learningLoopFigure } from './figures/learningLoop.ts';
import { linearLayersFigure } from './figures/linearLayers.ts';
import { linearNonlinearFigure } from './figures/linearNonlinear.ts';
import { reluFigure } from './figures/relu.ts';
import { sigmoidTanhFigure } from './figures/sigmoidTanh.ts';
import { stackedFunctionsFigure } from './figures/stackedFunctions.ts';
import { titleBackgroundFigure } from './figures/titleBackground.ts';
import { vanishingChainFigure } from './figures/vanishingChain.ts';

export interface FigureEntry {
  file: string;
  render: () => RenderedFigure;
}

export const figures: readonly FigureEntry[] = [
  { file: 'title-background.svg', render: titleBackgroundFigure },
  { file: 'ai-function.svg', render: aiFunctionFigure },
  { file: 'ai-learning.svg', render: aiLearningFigure },
  { file: 'ai-inference.svg', render: aiInferenceFigure },
  { file: 'stacked-functions.svg', render: stackedFunctionsFigure },
  { file: 'learning-loop.svg', render: learningLoopFigure },
  { file: 'descent-parabola.svg', render: descentParabolaFigure },
  { file: 'backprop-graph.svg', render: () => backpropGraphFigure('plain') },
  { file: 'backprop-graph-values.svg', render: () => backpropGraphFigure('values') },
  { file: 'backprop-graph-b.svg', render: () => backpropGraphFigure('gradB') },
  { file: 'backprop-graph-a.svg', render: () => backpropGraphFigure('gradA') },
  { file: 'linear-layers.svg', render: linearLayersFigure },
  { file: 'linear-nonlinear.svg', render: linearNonlinearFigure },
  { file: 'vanishing-chain.svg', render: () => vanishingChainFigure('sigmoid') },
  { file: 'vanishing-chain-relu.svg', render: () => vanishingChainFigure('relu') },
  { file: 'sigmoid-tanh.svg', render: sigmoidTanhFigure },
  { file: 'relu.svg', render: reluFigure },
];
