/**
 * The exports' settings (handout address, demo stills) reach the deck's Marp rules as environment
 * variables: marp-cli runs in processes of its own (run-marp-cli.ts) and gets them in the environment
 * it is started with, never through this process's. The one render in this process that needs them,
 * measuring where the links are, is synchronous: `renderingWith` sets them for exactly that call, so
 * an HTML build running beside an export never sees them.
 */
export type ExportSettings = Readonly<Record<string, string>>;

export function renderingWith<T>(settings: ExportSettings, render: () => T): T {
  const previous = Object.keys(settings).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, settings);
  try {
    const result = render();
    if (result instanceof Promise) throw new Error('renderingWith takes a synchronous render');
    return result;
  } finally {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
