/*
 * Preloaded (`node -r`) by scripts/synth-examples.js: runs an example's TypeScript with ts-node and
 * resolves `cdktf-alicloud-vpn` to this repository's src/, so examples are written exactly as users
 * write them.
 */
'use strict';
const Module = require('module');
const path = require('path');

require('ts-node').register({
  transpileOnly: true,
  skipProject: true,
  compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', esModuleInterop: true },
});

const LIBRARY = path.resolve(__dirname, '..', 'src', 'index.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'cdktf-alicloud-vpn' ? LIBRARY : request, ...rest);
};
