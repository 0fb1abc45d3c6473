/** Jest: TypeScript through ts-jest; tests live in tests/ and mirror src/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
  // Two workers even on two cores (jest's default is one fewer than the cores): much of the suite waits on
  // LibreOffice, Chromium or the disk, so a second worker overlaps that waiting.
  maxWorkers: 2,
};
