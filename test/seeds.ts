/**
 * The real records in `../shared/seeds`, beside the repository's root (CI checks it out there too). Tests find them
 * only this way, never by a machine's absolute path; when they are missing, reading one fails saying where it looked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
export const SEEDS_DIR = join(repositoryRoot, '..', 'shared', 'seeds');

/** The name and text of the one seed file whose name starts with `prefix` (`003_`). */
export function readSeed(prefix: string): { name: string; text: string } {
  if (!existsSync(SEEDS_DIR)) throw new Error(`the seed records are missing: expected ../shared/seeds beside the repository, at ${SEEDS_DIR}`);
  const names = readdirSync(SEEDS_DIR).filter((file) => file.startsWith(prefix));
  if (names.length !== 1 || !names[0]) throw new Error(`expected one seed record ${prefix}… in ${SEEDS_DIR}, found ${names.length}`);
  return { name: names[0], text: readFileSync(join(SEEDS_DIR, names[0]), 'utf8') };
}
