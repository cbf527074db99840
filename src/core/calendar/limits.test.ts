import { describe, expect, it } from 'vitest';
import { readAtMost } from './limits.ts';

/** A body of `chunks` chunks of `size` bytes, counting how many were pulled from it. */
function body(chunks: number, size: number) {
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.chunks === chunks) return controller.close();
        controller.enqueue(new Uint8Array(size).fill(65 + (pulled.chunks % 26)));
        pulled.chunks++;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled };
}

describe('readAtMost', () => {
  it('reads a body whole, with or without its length, into one buffer', async () => {
    const known = body(5, 1000);
    const bytes = await readAtMost(known.stream, 5000, 10_000);
    expect(bytes.byteLength).toBe(5000);
    expect(bytes.buffer.byteLength).toBe(5000); // made once, at the declared size
    expect(bytes[4999]).toBe(69);
    const unknown = await readAtMost(body(300, 1000).stream, null, 1_000_000);
    expect(unknown.byteLength).toBe(300_000);
    expect(unknown[299_999]).toBe(65 + (299 % 26));
    expect((await readAtMost(null, null)).byteLength).toBe(0);
  });

  it('refuses a declared length over the limit before reading, and a longer body at the chunk that crosses it', async () => {
    const declared = body(100, 1000);
    await expect(readAtMost(declared.stream, 100_000, 50_000)).rejects.toMatchObject({ status: 413 });
    expect(declared.pulled.chunks).toBe(0);
    const endless = body(Number.POSITIVE_INFINITY, 1000);
    await expect(readAtMost(endless.stream, null, 50_000)).rejects.toMatchObject({
      status: 413,
      message: expect.stringMatching(/50 MB/),
    });
    // Nothing past the chunk that crossed the limit was taken in.
    expect(endless.pulled.chunks).toBe(51);
    // A body longer than it said is refused too (the buffer grows, but never past the limit).
    await expect(readAtMost(body(80, 1000).stream, 10_000, 50_000)).rejects.toMatchObject({ status: 413 });
  });
});
