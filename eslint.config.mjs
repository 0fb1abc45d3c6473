// Lint: the recommended TypeScript rules and the two classic React hooks rules; formatting is Prettier's job
// (eslint-config-prettier turns off the stylistic rules that would fight it). Generated output and dependencies
// are left out.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test-output/", "*.config.js", "*.config.mjs"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  prettier,
);
