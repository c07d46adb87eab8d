import type { Mirror } from '../../ui/sync.ts';
import type { HistoryEntry } from './history.ts';
import type { BoundaryImage, RunReport } from './protocol.ts';

/**
 * The lab in synced windows (src/ui/sync.ts): the window that trains sends each run's reports, and a
 * following window shows them instead of training a copy of its own. `settings` names the runs' common
 * settings: news for other settings (sent before this window applied them) is dropped.
 */
interface LabNews {
  readonly settings: string;
  readonly slot: number;
  readonly report: RunReport;
  /** The trainer's own rate: the follower's workers do not run. */
  readonly stepsPerSecond: number;
}

interface LabSnapshot {
  readonly settings: string;
  readonly runs: readonly {
    readonly slot: number;
    readonly latest: RunReport | null;
    readonly boundary: BoundaryImage | null;
    readonly history: readonly HistoryEntry[];
    readonly stepsPerSecond: number;
  }[];
}

/** What the mirror needs of one shown run. */
export interface MirroredRun {
  readonly slot: number;
  latest: RunReport | null;
  boundary: BoundaryImage | null;
  readonly history: { add(entry: HistoryEntry): void; clear(): void; readonly entries: readonly HistoryEntry[] };
  /** The leader's rate, shown while following. */
  mirroredRate: number;
}

export interface LabMirror extends Mirror {
  /** Called by the page with each report of its own runs while it trains, and the run's rate. */
  reported(run: MirroredRun, report: RunReport, stepsPerSecond: number): void;
}

export function createLabMirror<R extends MirroredRun>(lab: {
  runs(): readonly R[];
  settings(): string;
  /** The steps per second a run of this window trains at. */
  rate(run: R): number;
  /** Shows a report as if the run's own worker had sent it. */
  take(run: R, report: RunReport): void;
  /** Shows the runs as restored from a snapshot (every panel redrawn). */
  restored(): void;
}): LabMirror {
  let send: ((news: unknown) => void) | null = null;
  const runFor = (settings: string, slot: number) =>
    settings === lab.settings() ? lab.runs().find((run) => run.slot === slot) : undefined;
  return {
    publish(next) {
      send = next;
    },
    reported(run, report, stepsPerSecond) {
      send?.({ settings: lab.settings(), slot: run.slot, report, stepsPerSecond } satisfies LabNews);
    },
    snapshot: (): LabSnapshot => ({
      settings: lab.settings(),
      runs: lab.runs().map((run) => ({
        slot: run.slot,
        latest: run.latest,
        boundary: run.boundary,
        history: run.history.entries,
        stepsPerSecond: lab.rate(run),
      })),
    }),
    receive(news) {
      const { settings, slot, report, stepsPerSecond } = news as LabNews;
      const run = runFor(settings, slot);
      if (!run) return;
      run.mirroredRate = stepsPerSecond;
      lab.take(run, report);
    },
    restore(snapshot) {
      const { settings, runs } = snapshot as LabSnapshot;
      for (const shown of runs) {
        const run = runFor(settings, shown.slot);
        if (!run) continue;
        run.history.clear();
        for (const entry of shown.history) run.history.add(entry);
        run.latest = shown.latest;
        run.boundary = shown.boundary;
        run.mirroredRate = shown.stepsPerSecond;
      }
      lab.restored();
    },
  };
}
