// Prints the size of what a first visit downloads from dist/: each file raw, gzip and brotli.
// Usage: node scripts/bundle-size.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let total = [0, 0, 0];
console.log(`${'file'.padEnd(44)}${'raw KB'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
for (const name of readdirSync(dist).sort()) {
  const path = join(dist, name);
  if (!statSync(path).isFile() || !['.html', '.js', '.wasm', '.css'].includes(extname(name))) continue;
  const body = readFileSync(path);
  const sizes = [
    body.length,
    gzipSync(body, { level: 9 }).length,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
  total = total.map((t, i) => t + sizes[i]);
  console.log(`${name.padEnd(44)}${sizes.map(kb).join('')}`);
}
console.log(`${'total'.padEnd(44)}${total.map(kb).join('')}`);
