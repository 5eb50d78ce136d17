#!/usr/bin/env node
// `npm run db:backup [-- file]` and `npm run db:restore -- file`: see scripts/db.ts.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApi, root } from './build-if-stale.mjs';

buildApi();
const { runDbCommand } = await import(pathToFileURL(join(root, 'dist/scripts/db.js')).href);
process.exitCode = await runDbCommand(process.argv.slice(2));
