import { describe, expect, it } from 'vitest';
import { knownMigrations, latestMigration } from '../db/journal.ts';
import { dependencyOrder, type Table } from './catalog.ts';
import { parseHeader } from './format.ts';

const table = (name: string, ...references: string[]): [string, Table] => [
  name,
  {
    name,
    columns: [{ name: 'id', type: 'text', notNull: true }],
    key: [{ name: 'id', type: 'text', notNull: true }],
    foreignKeys: references.map((r) => ({ references: r, columns: [`${r}_id`] })),
  },
];

describe('the order tables are written and read in', () => {
  it('puts every table after the tables it references, alphabetically among equals', () => {
    const tables = new Map([
      table('activities', 'users', 'accounts'),
      table('users', 'workspaces', 'users'),
      table('accounts', 'workspaces', 'users'),
      table('workspaces'),
      table('audit_log', 'workspaces'),
    ]);
    expect(dependencyOrder(tables).map((t) => t.name)).toEqual([
      'workspaces',
      'audit_log',
      'users',
      'accounts',
      'activities',
    ]);
  });

  it('still orders every table when two refer to each other', () => {
    const tables = new Map([table('a', 'b'), table('b', 'a'), table('c', 'b')]);
    expect(dependencyOrder(tables).map((t) => t.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('the header', () => {
  const header = (change: object = {}) =>
    JSON.stringify({
      format: 'linchpin-backup',
      version: 1,
      migration: latestMigration().tag,
      createdAt: '2026-11-20T11:00:00.000Z',
      engine: 'pglite',
      tables: [{ name: 'workspaces', rows: 1 }],
      ...change,
    });

  it('is read with the index of its migration', () => {
    expect(parseHeader(header()).index).toBe(knownMigrations().length - 1);
    expect(parseHeader(header({ migration: knownMigrations()[0]?.tag })).index).toBe(0);
  });

  it('is refused when it is not a Linchpin backup, or one from a newer Linchpin', () => {
    expect(() => parseHeader('{"format":"other"}')).toThrow('line 1: not a Linchpin backup');
    expect(() => parseHeader('PK\u0003\u0004')).toThrow('line 1: the header is not JSON');
    expect(() => parseHeader(header({ version: 2 }))).toThrow(/format version 2, made by a newer Linchpin/);
    expect(() => parseHeader(header({ migration: '9999_x' }))).toThrow(/made by a newer Linchpin/);
    expect(() => parseHeader(header({ tables: [{ name: 'x' }] }))).toThrow('the list of tables is missing');
  });
});
