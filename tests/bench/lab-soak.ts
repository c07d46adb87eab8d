/*
 * npm run soak:lab [-- minutes] [-- --all]: every training-lab scene and the default, trained headless
 * (the lab's own trainer, as its Web Workers run it) for the steps of `minutes` of play, 30 by default.
 * The steps of a minute of play are measured, not guessed: this machine's speed for that network,
 * times the share of a core the lab gives each run when it plays them side by side (cpu-share.ts) —
 * more steps than the page itself makes, which also spends time drawing. Runs that learn are trained
 * (a run that stalls barely moves its weights, so it cannot run away); `--all` trains those too.
 * Prints one line per run and exits non-zero when any run diverged.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { cpuShare } from '../../src/demos/training/cpu-share.ts';
import { SCENES, sceneSettings, type TrainingSettings, trainingSettings } from '../../src/demos/training/scenes.ts';
import { activeRuns, type SceneName, trainingSchema } from '../../src/demos/training/schema.ts';
import { createTrainer } from '../../src/demos/training/trainer.ts';
import type { ActivationName } from '../../src/nn/activations.ts';
import { defaultState } from '../../src/ui/url-state/index.ts';

type Setting = Exclude<SceneName, 'custom'> | 'default';
const RATE_STEPS = 300;

interface RunResult {
  readonly setting: Setting;
  readonly activation: ActivationName;
  readonly steps: number;
  readonly divergedAt: number | null;
  /** null when the run is shorter than the steps its scene states. */
  readonly highestLossAfterClaim: number | null;
  readonly loss: number;
  readonly accuracy: number;
  readonly diagnosis: string;
  readonly seconds: number;
}

function settingsOf(setting: Setting): TrainingSettings {
  return setting === 'default' ? trainingSettings(defaultState(trainingSchema)) : sceneSettings(setting);
}

/** In the child: trains one run for `minutes` of play and prints its result as one JSON line. */
function soakOne(setting: Setting, activation: ActivationName, minutes: number): void {
  const { run1: _r1, run2: _r2, run3: _r3, ...settings } = settingsOf(setting);
  const share = cpuShare(availableParallelism(), activeRuns(settingsOf(setting)).length);
  const claimSteps = setting === 'default' ? 1000 : SCENES[setting].claim.steps;
  const trainer = createTrainer({ ...settings, activation });
  const started = performance.now();
  for (let i = 0; i < RATE_STEPS; i++) trainer.step();
  const rate = RATE_STEPS / ((performance.now() - started) / 1000);
  const steps = Math.round(minutes * 60 * rate * share);
  let highest = 0;
  while (trainer.steps < steps && !trainer.diverged) {
    const loss = trainer.step();
    if (trainer.steps > claimSteps) highest = Math.max(highest, loss);
  }
  const end = trainer.metrics();
  const result: RunResult = {
    setting,
    activation,
    steps,
    divergedAt: trainer.diverged ? trainer.steps : null,
    highestLossAfterClaim: trainer.steps > claimSteps ? highest : null,
    loss: end.loss,
    accuracy: end.accuracy,
    diagnosis: end.diagnosis.kind,
    seconds: (performance.now() - started) / 1000,
  };
  console.log(JSON.stringify(result));
}

function runChild(setting: Setting, activation: ActivationName, minutes: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, '--one', setting, activation, String(minutes)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split('\n').at(-1)!) as RunResult)
        : reject(new Error(`${setting}/${activation} exited with ${code}`)),
    );
  });
}

async function soakAll(minutes: number, all: boolean): Promise<void> {
  const settings: Setting[] = [...(Object.keys(SCENES) as Setting[]), 'default'];
  const stalls = (setting: Setting, activation: ActivationName) =>
    setting !== 'default' && SCENES[setting].claim.stalls.includes(activation);
  const jobs = settings.flatMap((setting) =>
    activeRuns(settingsOf(setting))
      .filter(({ activation }) => all || (!stalls(setting, activation) && !(setting === 'default' && activation === 'sigmoid')))
      .map(({ activation }) => ({ setting, activation })),
  );
  console.log(
    `Training lab headless: ${jobs.length} runs, each for the steps of ${minutes} min of play, ${availableParallelism()} at a time`,
  );
  console.log(
    `${'scene / run'.padEnd(24)}${'steps'.padStart(10)}${'diverged'.padStart(10)}${'max loss*'.padStart(11)}${'loss'.padStart(11)}${'acc.'.padStart(8)}  reading`,
  );
  const results: RunResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { setting, activation } = jobs[next++];
      const r = await runChild(setting, activation, minutes);
      results.push(r);
      console.log(
        `${`${r.setting} / ${r.activation}`.padEnd(24)}${String(r.steps).padStart(10)}${(r.divergedAt === null ? 'no' : `at ${r.divergedAt}`).padStart(10)}` +
          `${(r.highestLossAfterClaim?.toExponential(2) ?? '—').padStart(11)}${r.loss.toExponential(2).padStart(11)}${`${(100 * r.accuracy).toFixed(1)}%`.padStart(8)}  ${r.diagnosis}`,
      );
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, worker));
  console.log('* highest loss after the steps the scene states (1,000 for the default)');
  if (results.some((r) => r.divergedAt !== null)) {
    console.error('FAILED: a run diverged');
    process.exitCode = 1;
  }
}

const args = process.argv.slice(2);
if (args[0] === '--one') {
  soakOne(args[1] as Setting, args[2] as ActivationName, Number(args[3]));
} else {
  const minutes = Number(args.find((a) => !a.startsWith('--')) ?? 30);
  if (!(minutes > 0)) {
    console.error(`npm run soak:lab: the length must be a number of minutes > 0, got "${args[0]}"`);
    process.exit(2);
  }
  await soakAll(minutes, args.includes('--all'));
}
