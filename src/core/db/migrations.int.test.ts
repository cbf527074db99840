import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test/core.ts';
import { buildPerson, type TestUser } from '../../../test/factories.ts';
import { accounts, activities } from './schema/index.ts';

const core = await createTestCore();
afterAll(() => core.close());

/** The data step at the end of 0004: accounts from the foundation's free text get an owner. */
const backfill = readFileSync(join(import.meta.dirname, 'migrations/0004_accounts_legacy.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .at(-1) as string;

async function account(owner: TestUser, name: string): Promise<string> {
  const id = crypto.randomUUID();
  await core.db.insert(accounts).values({ id, workspaceId: owner.actor.workspaceId, name });
  return id;
}

async function logged(user: TestUser, accountId: string, minutes: number, deleted = false) {
  await core.db.insert(activities).values({
    id: crypto.randomUUID(),
    workspaceId: user.actor.workspaceId,
    userId: user.actor.userId,
    accountId,
    title: 'Work',
    startsAt: new Date('2026-11-16T09:00:00Z'),
    endsAt: new Date(Date.parse('2026-11-16T09:00:00Z') + minutes * 60_000),
    minutes,
    timeZone: 'UTC',
    urgent: false,
    important: true,
    deletedAt: deleted ? new Date() : null,
  });
}

describe('migration 0004', () => {
  it('gives each existing account an owner: who logged most time there, else the workspace owner', async () => {
    const owner = await buildPerson(core, { role: 'owner' });
    const member = await buildPerson(core, { colleagueOf: owner });
    const busy = await account(owner, 'Busy Co');
    await logged(owner, busy, 30);
    await logged(member, busy, 90);
    await logged(owner, busy, 600, true); // deleted time does not count
    const quiet = await account(owner, 'Quiet Co');

    await core.db.execute(sql.raw(backfill));

    const ownerOf = async (id: string) =>
      (await core.db.select({ ownerId: accounts.ownerId }).from(accounts).where(eq(accounts.id, id)))[0]
        ?.ownerId;
    expect(await ownerOf(busy)).toBe(member.me.id);
    expect(await ownerOf(quiet)).toBe(owner.me.id);
  });
});
