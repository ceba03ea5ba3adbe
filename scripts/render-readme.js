#!/usr/bin/env node
/*
 * README.md shows the examples verbatim: every region
 *
 *   <!-- example: examples/<scenario>/main.ts -->
 *   ...
 *   <!-- /example -->
 *
 * is replaced by the file's content in a ```ts fence. `--check` fails if README.md is not up to date.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const README = path.join(ROOT, 'README.md');
const REGION = /(<!-- example: (\S+) -->\n)[\s\S]*?(<!-- \/example -->)/g;

const before = fs.readFileSync(README, 'utf8');
let count = 0;
const after = before.replace(REGION, (_all, open, file, close) => {
  count++;
  const code = fs.readFileSync(path.join(ROOT, file), 'utf8').trimEnd();
  return `${open}\`\`\`ts\n${code}\n\`\`\`\n${close}`;
});

if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('README.md does not show the current examples: run `npx projen readme` and commit README.md.');
    process.exit(1);
  }
  console.log(`README.md shows the current examples (${count} regions).`);
} else {
  fs.writeFileSync(README, after);
  console.log(`README.md: ${count} example regions rendered.`);
}
