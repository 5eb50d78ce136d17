import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { decodeQr, rasterizePdf } from '../../../../test/labels/support/raster';
import { sampleLabel, SPECS } from '../../../../test/labels/support/samples';
import { LabelFormat } from './types';

const root = join(__dirname, '../../../..');

describe('rendering in a worker thread', () => {
  it('takes plain data in and gives the file back (nothing ties it to Nest or the database)', async () => {
    const labels = [sampleLabel(0), sampleLabel(1)];
    const content = await new Promise<Buffer>((resolve, reject) => {
      // The worker compiles the TypeScript sources as the benchmark does (bench/register.cjs).
      const worker = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         const { renderLabels } = require(workerData.module);
         renderLabels(workerData.template, workerData.labels, workerData.format)
           .then((out) => parentPort.postMessage(out.content), (error) => { throw error; });`,
        {
          eval: true,
          execArgv: ['-r', join(root, 'bench/register.cjs')],
          workerData: { module: join(__dirname, 'render.ts'), template: SPECS['ROLL-50X30'], labels, format: LabelFormat.PDF },
        },
      );
      worker.once('message', (bytes: Uint8Array) => resolve(Buffer.from(bytes)));
      worker.once('error', reject);
    });
    const pages = rasterizePdf(content, 200);
    expect(pages.map((page) => decodeQr(page))).toEqual(labels.map((l) => l.scanUrl));
  });
});
