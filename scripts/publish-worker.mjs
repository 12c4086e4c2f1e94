// One thread of a large catalog's page rendering (scripts/publish.mjs): its own wasm engine and
// page document, a slice of the roles; sends back their cards.
import { parentPort, workerData } from 'node:worker_threads';
import { nodeEngine, publishPages } from './publish.mjs';

const { out, roles, baseUrl, shell, engineFiles, images } = workerData;
const engine = await nodeEngine(engineFiles.glue, engineFiles.wasm);
parentPort.postMessage(await publishPages({ out, roles, engine, baseUrl, shell, images }));
