import { describe, expect, it } from 'vitest';
import { idempotencyKeySchema } from './schemas.ts';
import { type IdempotentRequest, requestHash } from './service.ts';

describe('an Idempotency-Key', () => {
  it('is 1 to 200 printable ASCII characters', () => {
    for (const key of ['a', '550e8400-e29b-41d4-a716-446655440000', 'k'.repeat(200), 'with spaces ~!']) {
      expect(idempotencyKeySchema.safeParse(key).success, key).toBe(true);
    }
    for (const key of ['', 'k'.repeat(201), 'clé', 'tab\there', 'nul\u0000', 'line\nbreak', '🔑']) {
      const parsed = idempotencyKeySchema.safeParse(key);
      expect(parsed.success, JSON.stringify(key)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/1 to 200 printable ASCII characters/);
    }
  });
});

describe('a request hash', () => {
  const request: IdempotentRequest = {
    key: 'k',
    method: 'POST',
    path: '/api/activities',
    query: '',
    body: '{"title":"Call"}',
  };

  it('is the same for the same request, whatever the key', () => {
    expect(requestHash({ ...request, key: 'other' })).toBe(requestHash(request));
    expect(requestHash({ ...request, method: 'post' })).toBe(requestHash(request));
    expect(requestHash({ ...request, query: '?dry=1' })).toBe(requestHash({ ...request, query: 'dry=1' }));
  });

  it('tells another method, path, query or body apart', () => {
    const variants = [
      { ...request, method: 'PUT' },
      { ...request, path: '/api/plan-items' },
      { ...request, query: '?x=1' },
      { ...request, body: '{"title":"Call!"}' },
      { ...request, body: '' },
      // The parts cannot be shifted into one another.
      { ...request, path: '/api/activities?x', query: '' },
      { ...request, query: '"', body: '' },
    ];
    const hashes = new Set([request, ...variants].map(requestHash));
    expect(hashes.size).toBe(variants.length + 1);
  });
});
