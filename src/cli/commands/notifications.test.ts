import { describe, expect, it } from 'vitest';
import { renderNotifications } from './notifications.ts';

const item = (title: string, read: boolean) => ({
  id: title,
  kind: 'decision_review' as const,
  title,
  url: '/#/accounts/a/decisions/d',
  createdAt: '2026-12-07T07:05:00Z',
  readAt: read ? '2026-12-07T09:00:00Z' : null,
});

describe('linchpin notifications', () => {
  it('lists when, what (unread marked) and the address to open, in the local zone', () => {
    const text = renderNotifications(
      {
        items: [item('Review the decision "Rush orders"', false), item('Follow up on "Forecast call"', true)],
        unread: 1,
      },
      { all: true, server: 'https://linchpin.example', timeZone: 'Europe/Berlin' },
    );
    expect(text.split('\n')[0]).toBe('1 unread');
    expect(text).toContain('Mon 7 Dec, 08:05');
    expect(text).toContain('• Review the decision "Rush orders"');
    expect(text).not.toContain('• Follow up');
    expect(text).toContain('https://linchpin.example/#/accounts/a/decisions/d');
  });

  it('says when there is nothing', () => {
    const none = { items: [], unread: 0 };
    expect(renderNotifications(none, { all: false, server: 'x' })).toBe(
      'Nothing unread: you are on top of things.',
    );
    expect(renderNotifications(none, { all: true, server: 'x' })).toBe('No notifications yet.');
  });
});
