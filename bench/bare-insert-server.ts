/**
 * The input benchmark's ceiling (bench/run.ts starts it as its own process): the plainest node:http handler that
 * writes what it is posted, one INSERT a request through node-postgres (the driver our server uses), with as many
 * pooled connections as wrk has. No token, limit, check, history or notification: what a Node process on this
 * machine can post through HTTP at all, read beside pgbench's rate on the same server and ours.
 *
 * `node --import tsx bench/bare-insert-server.ts <database url> <port> <pool size>`; the table bench_inserts exists.
 */
import { createServer } from 'node:http';
import pg from 'pg';

const [databaseUrl, portText, poolText] = process.argv.slice(2);
if (!databaseUrl || !portText || !poolText) throw new Error('usage: bare-insert-server.ts <database url> <port> <pool size>');
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(poolText) });

createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ready');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    pool
      .query<{ id: string }>('INSERT INTO bench_inserts (body) VALUES ($1) RETURNING id', [Buffer.concat(chunks).toString('utf8')])
      .then((result) => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: Number(result.rows[0]?.id) })))
      .catch(() => res.writeHead(500).end());
  });
}).listen(Number(portText), '127.0.0.1');
