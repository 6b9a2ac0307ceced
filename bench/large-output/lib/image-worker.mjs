// Worker thread: makes the images it is sent ({ index, kind, seed, target }) and posts back their bytes.
import { parentPort } from 'node:worker_threads';
import { makeImage } from './images.mjs';

parentPort.on('message', (job) => {
  const { bytes, width, height } = makeImage(job.kind, job.seed, job.target);
  const buf = new Uint8Array(bytes); // a copy the worker can transfer
  parentPort.postMessage({ index: job.index, bytes: buf, width, height }, [buf.buffer]);
});
