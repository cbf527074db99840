import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  type Change,
  dismiss,
  drain,
  entriesOf,
  forgetQueue,
  newIdempotencyKey,
  type Outcome,
  outcomeOf,
  type QueueEntry,
  queueChange,
} from './queue.ts';

let people = 0;
/** Every test has people of its own in the one database. */
const person = () => `person-${++people}`;

const activity = (title: string): Change => ({
  kind: 'activity',
  input: { title, startsAt: '2026-12-01T09:00', minutes: 30, urgent: false, important: true },
});

/** A server that answers each entry with the next outcome (sent when none is left), recording what came. */
function server(...outcomes: Outcome[]) {
  const received: QueueEntry[] = [];
  const send = async (entry: QueueEntry): Promise<Outcome> => {
    received.push(entry);
    return outcomes.shift() ?? { result: 'sent' };
  };
  const titles = () => received.map(titleOf);
  return { send, received, titles };
}

const titleOf = (entry: QueueEntry) =>
  entry.change.kind === 'activity' ? entry.change.input.title : entry.change.title;

describe('the offline queue', () => {
  it('sends changes in the order they were made, and keeps nothing sent', async () => {
    const me = person();
    await queueChange(me, activity('Site visit'));
    await queueChange(me, { kind: 'done', itemId: 'item-1', done: true, title: 'Call Anna' });
    await queueChange(me, activity('Car park notes'));
    const { send, titles } = server();
    expect(await drain(me, send)).toEqual({ sent: 3, refused: 0, stopped: null });
    expect(titles()).toEqual(['Site visit', 'Call Anna', 'Car park notes']);
    expect(await entriesOf(me)).toEqual([]);
  });

  it('stops at the first change without an answer and retries it later with the same key', async () => {
    const me = person();
    for (const title of ['one', 'two', 'three']) await queueChange(me, activity(title));
    const first = server({ result: 'sent' }, { result: 'later', why: 'no answer' });
    expect(await drain(me, first.send)).toEqual({
      sent: 1,
      refused: 0,
      stopped: { result: 'later', why: 'no answer' },
    });
    // The third was not sent before the second: order holds.
    expect(first.titles()).toEqual(['one', 'two']);
    expect((await entriesOf(me)).map(titleOf)).toEqual(['two', 'three']);

    const again = server();
    expect(await drain(me, again.send)).toMatchObject({ sent: 2, stopped: null });
    expect(again.titles()).toEqual(['two', 'three']);
    expect(again.received[0]?.key).toBe(first.received[1]?.key);
  });

  it('keeps a refused change with its reason, sends the rest, and lets the person dismiss it', async () => {
    const me = person();
    await queueChange(me, { kind: 'done', itemId: 'gone', done: true, title: 'Deleted meanwhile' });
    await queueChange(me, activity('After it'));
    const { send, titles } = server({ result: 'refused', reason: 'It was deleted meanwhile.' });
    expect(await drain(me, send)).toEqual({ sent: 1, refused: 1, stopped: null });
    expect(titles()).toEqual(['Deleted meanwhile', 'After it']);
    const [refused, ...rest] = await entriesOf(me);
    expect(rest).toEqual([]);
    expect(refused).toMatchObject({ problem: 'It was deleted meanwhile.' });

    // Never sent again on its own: it waits for the person to read it.
    const later = server();
    await drain(me, later.send);
    expect(later.received).toEqual([]);
    await dismiss(me, refused?.seq ?? -1);
    expect(await entriesOf(me)).toEqual([]);
  });

  it('keeps everything when the session ended, for when the person signs in again', async () => {
    const me = person();
    await queueChange(me, activity('Kept'));
    const { send } = server({ result: 'signed-out' });
    expect((await drain(me, send)).stopped).toEqual({ result: 'signed-out' });
    expect((await entriesOf(me)).map(titleOf)).toEqual(['Kept']);
  });

  it("is per person: a drain sends only the person's own changes, and forgetting one leaves the others", async () => {
    const ana = person();
    const ben = person();
    await queueChange(ana, activity("Ana's visit"));
    await queueChange(ben, activity("Ben's call"));
    const forBen = server();
    await drain(ben, forBen.send);
    expect(forBen.titles()).toEqual(["Ben's call"]);
    expect(forBen.received.every((entry) => entry.userId === ben)).toBe(true);

    await queueChange(ben, activity("Ben's second"));
    await forgetQueue(ana);
    expect(await entriesOf(ana)).toEqual([]);
    expect((await entriesOf(ben)).map(titleOf)).toEqual(["Ben's second"]);
    // Dismissing needs the entry's own person.
    const [bens] = await entriesOf(ben);
    await dismiss(ana, bens?.seq ?? -1);
    expect(await entriesOf(ben)).toHaveLength(1);
  });

  it('runs one drain per person at a time: asking twice sends nothing twice', async () => {
    const me = person();
    await queueChange(me, activity('Once'));
    const { send, titles } = server();
    await Promise.all([drain(me, send), drain(me, send)]);
    expect(titles()).toEqual(['Once']);
  });

  it('sends changes made while it runs after the earlier ones', async () => {
    const me = person();
    await queueChange(me, activity('first'));
    const received: string[] = [];
    await drain(me, async (entry) => {
      received.push(titleOf(entry));
      if (received.length === 1) await queueChange(me, activity('made meanwhile'));
      return { result: 'sent' };
    });
    expect(received).toEqual(['first', 'made meanwhile']);
  });
});

describe('what an answer means for a queued change', () => {
  it.each([
    [201, null, 'sent'],
    [200, null, 'sent'],
    [401, null, 'signed-out'],
    [409, '1', 'later'],
    [429, '30', 'later'],
    [503, null, 'later'],
    [500, null, 'later'],
    [404, null, 'refused'],
    [409, null, 'refused'],
    [422, null, 'refused'],
    [400, null, 'refused'],
  ] as const)('%i (Retry-After %s) → %s', (status, retryAfter, result) => {
    expect(outcomeOf(status, 'the message', retryAfter).result).toBe(result);
  });

  it('says a 404 was deleted meanwhile, and gives the server’s reason otherwise', () => {
    expect(outcomeOf(404, 'plan item not found', null)).toEqual({
      result: 'refused',
      reason: 'It was deleted meanwhile.',
    });
    expect(outcomeOf(422, 'title: must not be empty', null)).toEqual({
      result: 'refused',
      reason: 'title: must not be empty',
    });
  });

  it('makes keys that differ, in the header’s alphabet', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
