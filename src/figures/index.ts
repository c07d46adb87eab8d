/** Every figure of the deck, in slide order: the file it is written to (under img/) and how to draw it. */
import type { RenderedFigure } from './figure.ts';
import { aiFunctionFigure } from './slides/ai-function.ts';
import { aiInferenceFigure, aiLearningFigure } from './slides/ai-learning-inference.ts';
import { backpropFactorsFigure } from './slides/backprop-factors.ts';
import { backpropGraphFigure } from './slides/backprop-graph.ts';
import { descentParabolaFigure } from './slides/descent-parabola.ts';
import { learningLoopFigure } from './slides/learning-loop.ts';
import { linearLayersFigure } from './slides/linear-layers.ts';
import { linearNonlinearFigure } from './slides/linear-nonlinear.ts';
import { reluFigure } from './slides/relu.ts';
import { sigmoidTanhFigure } from './slides/sigmoid-tanh.ts';
import { stackedFunctionsFigure } from './slides/stacked-functions.ts';
import { titleBackgroundFigure } from './slides/title-background.ts';
import { vanishingChainFigure } from './slides/vanishing-chain.ts';

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
  { file: 'backprop-factors.svg', render: backpropFactorsFigure },
  { file: 'linear-layers.svg', render: linearLayersFigure },
  { file: 'linear-nonlinear.svg', render: linearNonlinearFigure },
  { file: 'vanishing-chain.svg', render: () => vanishingChainFigure('sigmoid') },
  { file: 'vanishing-chain-relu.svg', render: () => vanishingChainFigure('relu') },
  { file: 'sigmoid-tanh.svg', render: sigmoidTanhFigure },
  { file: 'relu.svg', render: reluFigure },
];
