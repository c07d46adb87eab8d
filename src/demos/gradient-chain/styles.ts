import { palette } from '../../ui/palette.ts';
import type { ChainActivation } from './schema.ts';

/** The deck's colours, so a column matches its curve on slides 20 and 22. */
export const ACTIVATION_COLORS: Readonly<Record<ChainActivation, string>> = {
  sigmoid: palette.sigmoid,
  tanh: palette.tanh,
  relu: palette.relu,
};
