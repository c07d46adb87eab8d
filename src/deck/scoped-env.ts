/**
 * Sets environment variables for as long as `run` runs, for this process and the marp-cli processes it
 * starts (the exports' Marp rules read them at render time). Exports of one build run side by side
 * and share the same values: the first to enter sets them, the last to leave restores what was there.
 * Two different values for one variable at once would make one export render with the other's: that
 * throws instead.
 */
const held = new Map<string, { value: string; holders: number; previous: string | undefined }>();

export async function withEnv<T>(vars: Readonly<Record<string, string>>, run: () => Promise<T>): Promise<T> {
  const names = Object.keys(vars);
  for (const name of names) {
    const current = held.get(name);
    if (current && current.value !== vars[name]) throw new Error(`${name} is already set to another value by an export still running`);
  }
  for (const name of names) {
    const current = held.get(name);
    if (current) current.holders += 1;
    else {
      held.set(name, { value: vars[name], holders: 1, previous: process.env[name] });
      process.env[name] = vars[name];
    }
  }
  try {
    return await run();
  } finally {
    for (const name of names) release(name);
  }
}

function release(name: string): void {
  const current = held.get(name);
  if (!current) return;
  current.holders -= 1;
  if (current.holders > 0) return;
  held.delete(name);
  if (current.previous === undefined) delete process.env[name];
  else process.env[name] = current.previous;
}
