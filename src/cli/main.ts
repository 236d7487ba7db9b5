#!/usr/bin/env node
// The `satisfaction-analytics` command. Everything but the process plumbing is in run.ts.
import { run } from './run.js';
import { packageVersion } from './version.js';

// A reader that stops early (`| head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
  version: packageVersion(process.argv[1]),
}).then((code) => {
  process.exitCode = code;
});
