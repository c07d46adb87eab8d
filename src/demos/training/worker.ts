/// <reference lib="webworker" />
import { type ToWorker, transferables } from './protocol.ts';
import { createSession } from './session.ts';

/* One run trains here, off the page's thread: this file only wires messages to session.ts. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = createSession({
  post: (report) => scope.postMessage(report, transferables(report)),
  defer: (task, delayMs) => setTimeout(task, delayMs),
  // Each worker's performance.now() starts at its own creation; timeOrigin puts them on one clock.
  now: () => performance.timeOrigin + performance.now(),
});
scope.onmessage = (event: MessageEvent<ToWorker>) => session.handle(event.data);
