import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

/** An internal service on this machine's loopback that counts every request it gets (and answers an empty PNG). */
export interface LoopbackService {
  port: number;
  /** The paths asked for since the last `forget()`. */
  requests: string[];
  forget(): void;
  close(): Promise<void>;
}

/** Starts one: what a document or a fetch must never reach. */
export async function startLoopbackService(): Promise<LoopbackService> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    forget: () => void requests.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One for the whole test file, started now and closed after the file's tests. */
export async function loopbackServiceForFile(): Promise<LoopbackService> {
  const service = await startLoopbackService();
  afterAll(() => service.close());
  return service;
}
