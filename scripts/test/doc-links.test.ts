import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clouds, clusterClouds } from '@slipway/platform-contract';
import { scriptsRepoRoot } from '../src/repo-root.ts';

// A doc that points at a file that is not there promises something it cannot show: every relative
// link of every Markdown file resolves, in the template and in a fork (init removes the other
// clouds' programs and pages, and the links to them with their `cloud` blocks).
const root = scriptsRepoRoot(import.meta.dirname);

/** The Markdown files of a repository, tracked or new, that exist (init deletes some). */
function markdownFiles(repo: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(repo, file)));
}

/** Each relative link of a Markdown file (outside code) whose target does not exist. */
function brokenLinks(repo: string, file: string): string[] {
  const text = readFileSync(join(repo, file), 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, link]) => link ?? '')
    .filter((link) => !/^[a-z][a-z+.-]*:/i.test(link) && !link.startsWith('#'))
    .filter((link) => {
      const path = link.split('#')[0] ?? '';
      return path !== '' && !existsSync(join(repo, normalize(join(dirname(file), path))));
    })
    .map((link) => `${file}: ${link}`);
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('links in the docs', () => {
  it('finds the Markdown files', () => {
    expect(markdownFiles(root)).toContain('docs/clusters/README.md');
  });

  it('resolve: every relative link names a file or folder of the repository', () => {
    expect(markdownFiles(root).flatMap((file) => brokenLinks(root, file))).toEqual([]);
  });

  it('are checked: a link to a missing file is reported, one in code or to a site is not', () => {
    const repo = mkdtempSync(join(tmpdir(), 'doc-links-'));
    temporary.push(repo);
    mkdirSync(join(repo, 'docs'));
    writeFileSync(join(repo, 'docs/here.md'), '');
    writeFileSync(
      join(repo, 'docs/a.md'),
      '[ok](here.md#top) [gone](gone.md) [site](https://example.com) `[code](x.md)` [anchor](#a)\n',
    );
    expect(brokenLinks(repo, 'docs/a.md')).toEqual(['docs/a.md: gone.md']);
  });

  it.each(clusterClouds)(
    "has a page on %s's cluster defaults wherever its cluster program is",
    (cloud) => {
      const { clusterProgram, docsPage } = clouds[cloud];
      expect(existsSync(join(root, docsPage))).toBe(existsSync(join(root, clusterProgram)));
    },
  );
});
