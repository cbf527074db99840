import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

// How long a closing connection still takes in (and discards) the rest of a body nobody reads.
const LINGER_MS = 5_000;

/**
 * Ends a connection as a proxy would (a "lingering close"): our side is finished at once, while
 * what the client still sends is taken in and dropped until it hangs up or `LINGER_MS` pass. Closed
 * at once instead, unread bytes make the kernel reset the connection, and the client may lose the
 * answer or fail writing the rest of its body (EPIPE).
 */
function lingerOnClose(socket: Socket): void {
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.once('end', () => socket.destroy());
    socket.resume();
  };
}

/**
 * An answer given before the request's body was read to its end (over a body limit, or any error
 * before the handler read it) says `Connection: close`, and the connection ends after it without
 * a reset. Left open, the unread rest would be drained for a moment and the socket then dropped,
 * under the client's next request (UND_ERR_SOCKET).
 */
export const closeWhenBodyUnread: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // Only a real socket has a body to leave unread (app.request() in tests has none).
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableEnded) return;
  const length = Number(incoming.headers['content-length'] ?? 0);
  if (length > 0 || incoming.headers['transfer-encoding']) {
    c.header('Connection', 'close');
    lingerOnClose(incoming.socket);
  }
};
