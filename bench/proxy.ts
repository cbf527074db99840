// A small round-robin HTTP proxy for the load bench's scale-out setup (several server processes on one
// PostgreSQL): `node bin/run-ts.mjs bench/proxy.ts PORT UPSTREAM...`. Keep-alive pools to each upstream
// (undici); prints "listening" once it takes connections.
import { createServer } from 'node:http';
import { Pool } from 'undici';

const [port, ...upstreams] = process.argv.slice(2);
const pools = upstreams.map((url) => new Pool(url, { connections: 256, pipelining: 1 }));
// Hop-by-hop headers are the proxy's own (RFC 9110 §7.6.1); the rest pass through.
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'proxy-connection']);
let next = 0;

createServer(async (req, res) => {
  const pool = pools[next++ % pools.length] as Pool;
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP.has(name)));
  try {
    const answer = await pool.request({
      path: req.url ?? '/',
      method: req.method as 'GET',
      headers: headers as Record<string, string>,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req,
    });
    const out = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP.has(name)));
    res.writeHead(answer.statusCode, out);
    for await (const chunk of answer.body) res.write(chunk);
    res.end();
  } catch (error) {
    res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: ${(error as Error).message}`);
  }
}).listen(Number(port), '127.0.0.1', () => console.log('listening')).keepAliveTimeout = 60_000;
