import { describe, expect, it } from 'vitest';
import { handlingOf, shellCacheName, staleShellCaches } from './shell-cache.ts';
import { shellVersion } from './worker-build.ts';

const origin = 'https://linchpin.example.com';
const get = (path: string, mode = 'no-cors') => ({ method: 'GET', mode, url: `${origin}${path}` });

describe('what the service worker does with a request', () => {
  it('leaves the API to the network, whoever asks and however: its answers are never cached', () => {
    for (const path of ['/api/me', '/api/today', '/api/activities?from=x', '/api', '/api/docs'])
      expect(handlingOf(get(path, 'cors'), origin)).toBe('network');
    expect(handlingOf(get('/api/handover/1.html', 'navigate'), origin)).toBe('network');
  });

  it('leaves writes, other origins and the worker itself to the network', () => {
    expect(handlingOf({ ...get('/assets/index-abc.js'), method: 'POST' }, origin)).toBe('network');
    expect(handlingOf({ method: 'GET', mode: 'cors', url: 'https://cdn.example.net/x.js' }, origin)).toBe(
      'network',
    );
    expect(handlingOf(get('/sw.js'), origin)).toBe('network');
  });

  it("answers navigations with the build's page and its files from the cache", () => {
    expect(handlingOf(get('/', 'navigate'), origin)).toBe('page');
    expect(handlingOf(get('/week/2026-W47', 'navigate'), origin)).toBe('page');
    expect(handlingOf(get('/assets/index-abc.js'), origin)).toBe('file');
    expect(handlingOf(get('/manifest.webmanifest', 'cors'), origin)).toBe('file');
  });
});

describe('versioned shell caches', () => {
  it("deletes other builds' shell caches only", () => {
    const names = [shellCacheName('old1'), shellCacheName('new2'), 'someone-elses-cache'];
    expect(staleShellCaches(names, 'new2')).toEqual([shellCacheName('old1')]);
  });

  it('makes a new version when any file changes, is added or renamed, and the same one otherwise', () => {
    const build = [
      { path: 'index.html', content: Buffer.from('<script src="/assets/index-a.js">') },
      { path: 'assets/index-a.js', content: Buffer.from('console.log(1)') },
    ];
    const version = shellVersion(build);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(shellVersion([...build].reverse())).toBe(version);
    const changed = [build[0], { path: 'assets/index-a.js', content: Buffer.from('console.log(2)') }];
    expect(shellVersion(changed.flatMap((file) => (file ? [file] : [])))).not.toBe(version);
    expect(shellVersion([...build, { path: 'icons/icon-192.png', content: Buffer.from([1]) }])).not.toBe(
      version,
    );
    expect(shellVersion(build.map((file) => ({ ...file, path: `x/${file.path}` })))).not.toBe(version);
  });
});
