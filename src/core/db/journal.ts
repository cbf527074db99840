import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.ts';

export const migrationsFolder = join(packageRoot(), 'src/core/db/migrations');

export interface Migration {
  tag: string;
  when: number;
}

let journal: Migration[] | undefined;

/** The migrations this version of Linchpin knows, oldest first (src/core/db/migrations/meta). */
export function knownMigrations(): Migration[] {
  journal ??= (
    JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: Migration[];
    }
  ).entries.map(({ tag, when }) => ({ tag, when }));
  return journal;
}

export const latestMigration = (): Migration => {
  const last = knownMigrations().at(-1);
  if (!last) throw new Error('no migrations found');
  return last;
};
