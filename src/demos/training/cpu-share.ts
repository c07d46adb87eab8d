/*
 * The part of one core each run's worker may use. Every worker trains flat out when there are cores
 * enough; when the runs outnumber the cores they would take every one, and the page (charts, input)
 * and the browser's compositor would wait for a turn, frame after frame. So the runs together use at
 * most all cores but half of one: on 2 cores, 3 runs get half a core each.
 */
const PAGE_RESERVE_CORES = 0.5;
/** However many runs share the cores, each gets at least this part of one. */
const MIN_CPU_SHARE = 0.25;

/** A share in [MIN_CPU_SHARE, 1]; anything that is not a number means a whole core. */
export function clampShare(share: number): number {
  return Number.isFinite(share) ? Math.min(1, Math.max(MIN_CPU_SHARE, share)) : 1;
}

/** `cores` is navigator.hardwareConcurrency (0 or missing in some browsers: then 2 is assumed). */
export function cpuShare(cores: number | undefined, runs: number): number {
  const available = (cores !== undefined && cores > 0 ? cores : 2) - PAGE_RESERVE_CORES;
  return runs > 0 ? clampShare(available / runs) : 1;
}
