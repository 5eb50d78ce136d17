#!/usr/bin/env node
// `npm start`: builds what is out of date, then runs the API in this same process, so Ctrl-C
// and SIGTERM reach it directly.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApi, buildConsole, root } from './build-if-stale.mjs';

buildApi();
buildConsole();

// npm does not pass SIGTERM on to the script it runs: when npm goes away (terminated, killed),
// stop as if we had been signalled, so the API and PostgreSQL still shut down cleanly.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    let gone = process.ppid !== parent;
    try {
      process.kill(parent, 0);
    } catch {
      gone = true;
    }
    if (gone) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}

await import(pathToFileURL(join(root, 'dist/apps/api/src/main.js')).href);
