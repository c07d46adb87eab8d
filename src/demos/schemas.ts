import type { Schema } from '../ui/url-state/index.ts';
import { activationsSchema } from './activations/schema.ts';
import { backpropSchema } from './backprop/schema.ts';
import { compositionSchema } from './composition/schema.ts';
import { descentSchema } from './descent/schema.ts';
import { gradientChainSchema } from './gradient-chain/schema.ts';
import type { DemoId } from './registry.ts';
import { trainingSchema } from './training/schema.ts';

/** Each demo's URL parameters, for code outside its page: the deck's link check and the URL tests. */
export const DEMO_SCHEMAS: Readonly<Record<DemoId, Schema>> = {
  composition: compositionSchema,
  descent: descentSchema,
  backprop: backpropSchema,
  activations: activationsSchema,
  'gradient-chain': gradientChainSchema,
  training: trainingSchema,
};
