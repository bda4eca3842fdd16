/**
 * The bench's "bare node:http" reference (bench/run.ts starts it as its own process): the saved bytes of each page,
 * with the headers our server sent, written by the plainest node:http handler there is. What it answers is the most
 * this runtime can answer for the same response on this machine; our figures are read as a share of it.
 *
 * `node --import tsx bench/bare-server.ts <routes.json> <port>`; routes.json is a BareRoute[].
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export interface BareRoute {
  path: string;
  /** The saved body. */
  file: string;
  /** The 200's headers as [name, value, …], Content-Length included. */
  head: string[];
  /** A request with this If-None-Match gets a 304 with `notModifiedHead`, as ours would. */
  etag: string | undefined;
  notModifiedHead: string[];
}

const [routesFile, portText] = process.argv.slice(2);
if (!routesFile || !portText) throw new Error('usage: bare-server.ts <routes.json> <port>');
const routes = new Map(
  (JSON.parse(readFileSync(routesFile, 'utf8')) as BareRoute[]).map((route) => [route.path, { ...route, body: readFileSync(route.file) }]),
);

createServer((req, res) => {
  const route = routes.get(req.url ?? '');
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  if (route.etag !== undefined && req.headers['if-none-match'] === route.etag) {
    res.writeHead(304, route.notModifiedHead).end();
    return;
  }
  res.writeHead(200, route.head).end(route.body);
}).listen(Number(portText), '127.0.0.1');
