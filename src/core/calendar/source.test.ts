import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { decodeSource } from './source.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeSource', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 with one', () => {
    expect(decodeSource(bytes('BEGIN:VCALENDAR\r\nSUMMARY:Café\r\n'))).toContain('Café');
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('title\n')]))).toBe('title\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Subject'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeSource(utf16)).toBe('Subject');
  });

  it('reads Windows-1252 CSV as Excel writes it, but refuses a calendar that is not UTF-8', () => {
    expect(decodeSource(new Uint8Array([...bytes('Subject\nR'), 0xe9, ...bytes('union\n')]))).toBe(
      'Subject\nRéunion\n',
    );
    const latin1Calendar = new Uint8Array([
      ...bytes('BEGIN:VCALENDAR\r\nSUMMARY:R'),
      0xe9,
      ...bytes('union\r\n'),
    ]);
    expect(() => decodeSource(latin1Calendar)).toThrow(/not valid UTF-8/);
  });

  it('refuses empty and binary files with a reason', () => {
    expect(() => decodeSource(new Uint8Array())).toThrow(/empty/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    expect(() => decodeSource(zip)).toThrow(AppError);
    expect(() => decodeSource(zip)).toThrow(/binary/);
  });

  it('refuses more than 50 MB as too large', () => {
    try {
      decodeSource(new Uint8Array(50 * 1024 * 1024 + 1));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(413);
    }
  });
});
