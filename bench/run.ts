// npm run bench -- <name>   (no name: all)
export {};

const benches: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  'week-report': () => import('./week-report.ts'),
  startup: () => import('./startup.ts'),
  'web-size': () => import('./web-size.ts'),
  import: () => import('./import.ts'),
  contacts: () => import('./contacts.ts'),
  account: () => import('./account.ts'),
  team: () => import('./team.ts'),
  rhythm: () => import('./rhythm.ts'),
  load: () => import('./load.ts'),
  history: () => import('./history.ts'),
  browser: () => import('./browser.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
  await (await benches[name]?.())?.run();
}
