/** Jest: TypeScript through ts-jest; tests live in tests/ and mirror src/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  // tsconfig.json sets isolatedModules, so ts-jest only transpiles each file: type errors are `npm run typecheck`'s
  // job (it runs before jest in `npm test`). Type-checking in every worker cost about 30 s per worker and held
  // each worker's exit past jest's limit ("A worker process has failed to exit gracefully").
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Grid cells compare as the core reads them (value, format, address): see the file.
  setupFilesAfterEnv: ["<rootDir>/tests/support/cellEquality.ts"],
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
  // Two workers even on two cores (jest's default is one fewer than the cores): much of the suite waits on
  // LibreOffice, Chromium or the disk, so a second worker overlaps that waiting.
  maxWorkers: 2,
  // Each jsdom test file leaves its window's React and Fluent UI behind in the worker (about 100 MB a file),
  // so a worker that ran the pane's files held 900 MB by the end, and leaving that heap took it past jest's
  // 500 ms exit wait ("A worker process has failed to exit gracefully"; no handle was open). A worker past
  // this much after a file is replaced by a fresh one.
  workerIdleMemoryLimit: "500MB",
  // Many tests do real work (write and read workbooks, start LibreOffice or Chromium). Jest's 5 s default made
  // them fail on a loaded machine; a hung test still fails, after a minute. Speed is the bench's business.
  testTimeout: 60_000,
};
