import './training.css';
import { makeDataset } from '../../nn/datasets.ts';
import { startDemo } from '../../ui/demo-page.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { createPlayer } from '../../ui/player.ts';
import { controlPanel } from './control-panel.ts';
import { cpuShare } from './cpu-share.ts';
import { createHistory, type History } from './history.ts';
import { createLabMirror, type MirroredRun } from './mirror.ts';
import type { BoundaryImage, RunReport } from './protocol.ts';
import { createRunClient, type RunClient } from './run-client.ts';
import { matchesScene, SCENES, sceneFill, sceneSettings, trainingSettings } from './scenes.ts';
import { activeRuns, type TrainingState, trainingSchema } from './schema.ts';
import { trainingStrings } from './strings.ts';
import type { RunConfig } from './trainer.ts';
import { createRunView, type RunLayout, type RunView } from './view-run.ts';

/** Reports kept per run for the curves and the history heatmap (older ones are thinned, see history.ts). */
const HISTORY_CAPACITY = 320;
/** A panel is redrawn at most this often, and only one panel per animation frame. */
const PANEL_REFRESH_MS = 250;

interface LiveRun extends MirroredRun {
  readonly client: RunClient;
  readonly view: RunView;
  readonly history: History;
  /** The newest boundary any report brought (most reports bring none); the view redraws it when it is new. */
  boundary: BoundaryImage | null;
  dirty: boolean;
  drawnAt: number;
}

function runConfigs(state: TrainingState): { slot: number; config: RunConfig }[] {
  const { data, noise, points, depth, width, init, lr, batch, seed } = state;
  return activeRuns(state).map(({ slot, activation }) => ({
    slot,
    config: { data, noise, points, depth, width, activation, init, lr, batch, seed },
  }));
}

startDemo({
  id: 'training',
  schema: trainingSchema,
  strings: trainingStrings,
  mount({ store, lang, text, controls, stage }) {
    // A scene fills in every setting the link does not give (a wrong value counts as given: the
    // notice says what is used for it); the address then spells them out.
    const fill = sceneFill(store.get(), store.givenParams);
    if (Object.keys(fill).length > 0) store.set(fill, 'replace');

    const layout: RunLayout = store.get().embed ? 'slide' : 'page';
    const clients: RunClient[] = [];
    const clientFor = (slot: number) => (clients[slot] ??= createRunClient());
    let live: LiveRun[] = [];
    /** Told of every report: the page's progress (the step every run has reached) may have moved. */
    const progressListeners = new Set<() => void>();
    const progress = {
      value: () => (live.length === 0 ? 0 : Math.min(...live.map((run) => run.latest?.metrics.step ?? 0))),
      subscribe(listener: () => void) {
        progressListeners.add(listener);
        return () => progressListeners.delete(listener);
      },
    };

    const player = createPlayer(
      {
        step() {
          live.forEach((run) => {
            run.client.step(1);
          });
          return true;
        },
        reset: () => configure(store.get()),
        // Every run has diverged: nothing left to train until a reset or new settings.
        canStep: () => live.some((run) => run.latest?.metrics.diverged !== true),
      },
      lang,
      { ticks: false },
    );
    // While playing, the workers train on their own: the player says when. Played from before a
    // scene's claim, the runs pause by themselves exactly at its step (1000), the moment its slide
    // talks about, on screen and in the deck's still picture alike; played again, they go on.
    // A window that follows another (sync.ts) trains nothing: it shows the leader's reports, and
    // when the leader is gone it starts again from its own first step, so no curve mixes the two.
    let pauseAt: number | null = null;
    let following = false;
    player.subscribe((state) => {
      if (state.following !== following) {
        following = state.following;
        if (!following) return configure(store.get());
      }
      const playing = state.playing && !following;
      const share = cpuShare(navigator.hardwareConcurrency, live.length);
      if (playing) {
        const scene = store.get().scene;
        const claimStep = scene === 'custom' ? null : SCENES[scene].claim.steps;
        pauseAt = claimStep !== null && progress.value() < claimStep ? claimStep : null;
      }
      live.forEach((run, k) => {
        playing ? run.client.play(share, k / live.length, pauseAt) : run.client.pause();
      });
    });
    /** Every run has stopped at the pause step (or diverged): the player says so too. */
    const pausedByItself = () => {
      const stopAt = pauseAt;
      return (
        stopAt !== null &&
        live.every(
          (run) => run.latest !== null && !run.latest.running && (run.latest.metrics.step >= stopAt || run.latest.metrics.diverged),
        )
      );
    };

    const network = el('p', { class: 'tr-network', 'data-testid': 'network' });
    const runsBox = el('div', { class: 'tr-runs', 'data-testid': 'runs' });
    controls.classList.add('tr-controls');
    controls.append(player.element, network, ...controlPanel(store, text));
    stage.classList.add('tr-stage');
    stage.append(runsBox);

    function configure(state: TrainingState) {
      player.pause();
      const configs = runConfigs(state);
      const dataset = makeDataset(state.data, { count: state.points, noise: state.noise, seed: state.seed });
      network.textContent = format(text('network'), { depth: state.depth, width: state.width });
      clients.forEach((client) => {
        client.pause();
      });
      live = configs.map(({ slot, config }) => {
        const client = clientFor(slot);
        const run: LiveRun = {
          slot,
          mirroredRate: 0,
          client,
          view: createRunView(slot, config.activation, dataset, text, layout),
          history: createHistory(HISTORY_CAPACITY),
          latest: null,
          boundary: null,
          dirty: false,
          drawnAt: 0,
        };
        client.onReport((report) => {
          if (following) return;
          take(run, report);
          mirror.reported(run, report, client.stepsPerSecond());
          if (player.playing && pausedByItself()) player.pause();
        });
        client.configure(config);
        return run;
      });
      runsBox.style.setProperty('--runs', String(live.length));
      runsBox.replaceChildren(...live.map((run) => run.view.element));
      player.refresh();
    }

    /** Shows a run's report, its own worker's or (following another window) the leader's. */
    const take = (run: LiveRun, report: RunReport) => {
      const wasDiverged = run.latest?.metrics.diverged === true;
      run.latest = report;
      if (report.metrics.diverged !== wasDiverged) player.refresh();
      if (report.boundary) run.boundary = report.boundary;
      const { step, loss, accuracy, gradNorms } = report.metrics;
      if (step > 0) run.history.add({ step, loss, accuracy, gradNorms });
      run.dirty = true;
      requestDraw();
      notifyProgress();
    };
    const notifyProgress = () =>
      progressListeners.forEach((listener) => {
        listener();
      });
    const mirror = createLabMirror({
      runs: () => live,
      settings: () => shownKey,
      rate: (run) => run.client.stepsPerSecond(),
      take,
      restored() {
        live.forEach((run) => {
          run.dirty = true;
        });
        player.refresh();
        requestDraw();
        notifyProgress();
      },
    });

    let drawPending = false;
    const requestDraw = () => {
      if (drawPending) return;
      drawPending = true;
      requestAnimationFrame(drawLoop);
    };
    const drawLoop = (now: number) => {
      drawPending = false;
      // Throttled: the stalest panel with news, one per frame, each at most every PANEL_REFRESH_MS.
      const due = live.filter((run) => run.dirty && now - run.drawnAt >= PANEL_REFRESH_MS).sort((a, b) => a.drawnAt - b.drawnAt)[0];
      if (due?.latest) {
        const { latest, history, client, boundary } = due;
        const stepsPerSecond = following ? due.mirroredRate : client.stepsPerSecond();
        due.view.update({ metrics: latest.metrics, history: history.entries, stepsPerSecond, boundary });
        due.dirty = false;
        due.drawnAt = now;
      }
      if (live.some((run) => run.dirty)) requestDraw();
    };

    let shownKey = '';
    let shownScene = store.get().scene;
    store.subscribe((state) => {
      if (state.scene !== shownScene) {
        shownScene = state.scene;
        if (state.scene !== 'custom') return store.set(sceneSettings(state.scene), 'replace');
      }
      if (!matchesScene(state)) return store.set({ scene: 'custom' }, 'replace');
      const key = JSON.stringify(trainingSettings(state));
      if (key !== shownKey) {
        shownKey = key;
        configure(state);
      }
    });
    if (!matchesScene(store.get())) store.set({ scene: 'custom' }, 'replace');
    shownScene = store.get().scene;
    shownKey = JSON.stringify(trainingSettings(store.get()));
    configure(store.get());
    return { player, progress, mirror };
  },
});
