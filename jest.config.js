/** Jest: TypeScript through ts-jest; tests live in tests/ and mirror src/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
};
