/**
 * Prints, after jest's own summary, the ten slowest test files and tests (so a slow suite shows where its time
 * goes without a profiler) and one plain closing line, `jest: N passed, N failed`, so that any CI reading closing
 * lines can count the tests whatever reporter it knows.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
    const files = results.testResults
      .map((f) => ({ name: f.testFilePath.replace(process.cwd() + "/", ""), ms: f.perfStats.end - f.perfStats.start }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    const tests = results.testResults
      .flatMap((f) =>
        f.testResults.map((t) => ({ name: `${f.testFilePath.split("/").pop()} › ${t.title}`, ms: t.duration ?? 0 })),
      )
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    const out = ["", "Slowest test files:", ...files.map((f) => `  ${seconds(f.ms).padStart(7)}  ${f.name}`)];
    out.push("Slowest tests:", ...tests.map((t) => `  ${seconds(t.ms).padStart(7)}  ${t.name.slice(0, 110)}`));
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : "";
    out.push("", `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}`, "");
    process.stdout.write(out.join("\n"));
  }
}
module.exports = SummaryReporter;
