/**
 * Whether new ops record the graph (their inputs and local chain rule).
 * Evaluation — a decision-boundary grid, a curve for a plot — needs values only,
 * so `noGrad` turns recording off and the intermediate values can be freed at once.
 */
let recording = true;

export function isRecording(): boolean {
  return recording;
}

/** Runs `compute` without recording a graph; restores the previous mode even if it throws. */
export function noGrad<T>(compute: () => T): T {
  const previous = recording;
  recording = false;
  try {
    return compute();
  } finally {
    recording = previous;
  }
}
