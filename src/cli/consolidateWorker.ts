/**
 * The worker thread of `contratualiza consolidar` (compiled to lib/cli/consolidateWorker.js): it receives
 * one job at a time from the main thread, evaluates it (./consolidateJob) and posts back the outcome — the
 * consolidated rows, not the workbook. The main thread sends the next job when the outcome arrives, and
 * terminates the worker when there is none left.
 */
import { parentPort } from "worker_threads";
import { evaluateJob, type ConsolidateJob } from "./consolidateJob";

const port = parentPort;
if (port) {
  port.on("message", (job: ConsolidateJob) => {
    void evaluateJob(job).then((outcome) => port.postMessage(outcome));
  });
}
