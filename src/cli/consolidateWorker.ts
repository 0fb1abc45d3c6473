/**
 * The worker thread of `contratualiza consolidar` (compiled to lib/cli/consolidateWorker.js): it receives
 * jobs from the main thread, a couple ahead of the one it is evaluating, evaluates them one at a time in
 * the order they came (./consolidateJob) and posts back each outcome — the consolidated rows, not the
 * workbook. The main thread tops the queue up as outcomes arrive, and terminates the worker when there is
 * nothing left.
 */
import { parentPort } from "worker_threads";
import { evaluateJob, type ConsolidateJob } from "./consolidateJob";

const port = parentPort;
if (port) {
  // One job at a time: two workbooks of a worker never sit in memory together.
  let queue = Promise.resolve();
  port.on("message", (job: ConsolidateJob) => {
    queue = queue.then(async () => port.postMessage(await evaluateJob(job)));
  });
}
