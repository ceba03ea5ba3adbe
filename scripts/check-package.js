#!/usr/bin/env node
/*
 * Checks what `npm pack` would publish (run after `npx projen build`): the compiled library, its type
 * declarations, the jsii assembly, README, API.md and LICENSE; no tests, examples, benchmarks, schema or
 * generation scripts, TypeScript sources or source maps. Prints the package size.
 */
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT }));
const files = pack.files.map((f) => f.path).sort();

const required = [
  'package.json',
  'README.md',
  'API.md',
  'LICENSE',
  '.jsii',
  'lib/index.js',
  'lib/index.d.ts',
  'lib/ipsec-vpn-connection.js',
  'lib/ipsec-vpn-connection.d.ts',
  'lib/crypto.d.ts',
  'lib/tunnel.d.ts',
  'lib/private/rules/index.js',
  'lib/gen/index.js',
  'lib/gen/vpn-connection/index.js',
  'lib/gen/vpn-connection/index.d.ts',
];
const forbidden = [
  [/^test\//, 'tests'],
  [/\.test\.(js|ts|d\.ts)$/, 'tests'],
  [/^examples\//, 'examples'],
  [/^bench\//, 'benchmarks'],
  [/^scripts\//, 'build scripts'],
  [/^schema\//, 'the provider schema'],
  [/^src\//, 'TypeScript sources'],
  [/^docs\//, 'design notes'],
  [/\.map$/, 'source maps'],
  [/(^|\/)cdktf\.out\//, 'synthesized output'],
  [/^\.ci\//, 'CI scripts'],
  [/(^|\/)tsconfig[^/]*\.json$/, 'tsconfig files'],
];

/** Everything shipped is the compiled library or one of these files. */
const ALLOWED_TOP_LEVEL = new Set(['package.json', 'README.md', 'API.md', 'LICENSE', '.jsii']);

const problems = [];
for (const file of files) {
  if (!file.startsWith('lib/') && !ALLOWED_TOP_LEVEL.has(file)) problems.push(`unexpected file ${file}`);
}
for (const file of required) if (!files.includes(file)) problems.push(`missing ${file}`);
for (const file of files) {
  const hit = forbidden.find(([re]) => re.test(file));
  if (hit) problems.push(`must not ship ${file} (${hit[1]})`);
}
for (const file of files.filter((f) => f.startsWith('lib/') && f.endsWith('.js'))) {
  if (!files.includes(file.replace(/\.js$/, '.d.ts'))) problems.push(`${file} has no .d.ts`);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `${pack.name}@${pack.version}: ${pack.entryCount} files, ${kib(pack.size)} packed, ${kib(pack.unpackedSize)} unpacked`,
);
const biggest = [...pack.files].sort((a, b) => b.size - a.size).slice(0, 5);
console.log(`largest: ${biggest.map((f) => `${f.path} (${kib(f.size)})`).join(', ')}`);
if (problems.length > 0) {
  console.error(`package contents are wrong:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('package contents OK');
