import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { handoutBase } from '../../src/deck/link-base.ts';
import { defaultOutDir, projectRoot } from '../../src/deck/project-paths.ts';

/*
 * .github/workflows/pages.yml cannot run here: what it runs is checked instead. It builds with the
 * package's own build script, with the handouts' address taken from the Pages site, checks the
 * handouts are there, and deploys dist/ with the official Pages actions.
 */
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string; 'runs-on': string; steps: Step[]; environment?: { name: string } }>;
}

const workflow = parse(readFileSync(join(projectRoot, '.github/workflows/pages.yml'), 'utf8')) as Workflow;
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepUsing = (action: string) => steps.find((step) => step.uses?.startsWith(`${action}@`));

describe('the GitHub Pages workflow', () => {
  it('runs on every push to main and by hand, with the permissions Pages deployment needs', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('builds with the package’s own build script, its handouts linked to the Pages address', () => {
    const configure = stepUsing('actions/configure-pages');
    expect(configure?.id).toBeTruthy();
    const build = steps.find((step) => step.run === 'npm run build');
    expect(build, 'a step running npm run build').toBeDefined();
    expect(manifest.scripts.build).toBeDefined();
    expect(build?.env?.DEMO_BASE_URL).toBe(`\${{ steps.${configure?.id}.outputs.base_url }}/`);
    // What that address is on Pages (a project site, without its trailing slash) is a base the export takes.
    expect(handoutBase({ DEMO_BASE_URL: 'https://presenter-name.github.io/relu-deck/' })).toBe(
      'https://presenter-name.github.io/relu-deck/',
    );
    const install = steps.findIndex((step) => step.run?.startsWith('npm ci'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(steps.indexOf(build!));
  });

  it('refuses to publish a site without its handouts, and uploads exactly the build’s output folder', () => {
    const build = steps.findIndex((step) => step.run === 'npm run build');
    const check = steps.findIndex((step) => /test -s dist\/deck\.pdf/.test(step.run ?? '') && /dist\/deck\.pptx/.test(step.run ?? ''));
    const upload = steps.findIndex((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(build).toBeLessThan(check);
    expect(check).toBeLessThan(upload);
    expect(steps[upload].with?.path).toBe('dist');
    expect(join(projectRoot, 'dist')).toBe(defaultOutDir);
  });

  it('deploys with the official action in the github-pages environment, after the build', () => {
    const [name, deploy] = Object.entries(workflow.jobs).find(([, job]) =>
      job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')),
    )!;
    expect(deploy.needs).toBe(Object.keys(workflow.jobs).find((job) => job !== name));
    expect(deploy.environment?.name).toBe('github-pages');
    // Every action is pinned to a major version.
    for (const step of steps) if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
