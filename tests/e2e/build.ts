/**
 * Builds the browser tests' page with webpack's Node API: tests/e2e/harness.tsx through ts-loader (types
 * are checked by `tsc --noEmit`, not here), into a temporary folder with an index.html. The production
 * build (webpack.config.js, dist/) is not touched.
 */
import fs from "fs";
import path from "path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "../..");

/** Builds the harness into `outDir` (index.html + harness.js); rejects with webpack's errors. */
export function buildHarness(outDir: string): Promise<void> {
  const config: webpack.Configuration = {
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: { harness: path.join(ROOT, "tests/e2e/harness.tsx") },
    output: { path: outDir, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: false } },
          },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
    stats: "errors-only",
    performance: { hints: false },
  };
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString("errors-only") ?? "webpack: no stats"));
      fs.writeFileSync(
        path.join(outDir, "index.html"),
        '<!doctype html><html lang="pt-BR"><head><meta charset="UTF-8"><title>Contratualiza (teste)</title></head>' +
          '<body><div id="container"></div><script src="harness.js"></script></body></html>',
      );
      resolve();
    });
  });
}
