// Kept until the training lab's test imports launchBrowser from the harness directly.
export { launchBrowser as launchChromium } from './harness.ts';
