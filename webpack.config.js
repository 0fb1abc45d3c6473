/**
 * Webpack: the add-in's one page (shared runtime) in the shape of the `yo office` templates
 * (Office-Addin-TaskPane-React + Excel-Custom-Functions-Shared, merged).
 *
 *   dist/taskpane.html   the task pane AND the custom functions' page: loads boot.js and taskpane.js
 *   dist/boot.js         the page's loader: Office.js, then functions.js; says when Office is slow or absent
 *   dist/taskpane.js     React + Fluent UI task pane (src/taskpane/index.tsx): the frame and the first
 *                        screen; the other screens and the pipeline are chunks loaded on demand
 *                        (dist/<name>.chunk.js; bench/bundle.mjs measures them)
 *   dist/functions.js    custom functions (src/functions/functions.ts) + CustomFunctions.associate calls
 *   dist/functions.json  function metadata generated from the JSDoc of src/functions/functions.ts, finished
 *                        by FinishFunctionsMetadata below (help links, no data-type objects)
 *   dist/ajuda.html      the functions' pt-BR help page (src/functions/ajuda.html), one anchor per function
 *   dist/manifest.xml    manifest.xml, with the production URL when CONTRATUALIZA_URL is set (below)
 *   dist/assets/*.png    icons (drawn by scripts/make-icons.js)
 *
 * Production URL: the manifest in the repository points at the dev server, https://localhost:3000/.
 * To publish, build with the address the files will be served from, e.g.
 *     CONTRATUALIZA_URL=https://addin.example.gov.br/ npm run build
 * and dist/manifest.xml has every https://localhost:3000/ replaced by it, as have the functions' help
 * links in dist/functions.json. Without the variable,
 * dist/manifest.xml is an exact copy of manifest.xml.
 *
 * No network, no certificates in a build: only `webpack serve` (npm run dev-server / npm start) loads
 * office-addin-dev-certs, which creates and trusts a localhost certificate on first use.
 * Usage data: custom-functions-metadata (used by the plugin below) never loads office-addin-usage-data on
 * this path (only its CLI does), and the installed office-addin-usage-data versions are no-op stubs that
 * neither prompt nor send anything; so there is nothing to opt out of.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads this file as CommonJS */

const path = require("path");

const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const functionsInput = "./src/functions/functions.ts";
const helpPage = "ajuda.html";

/**
 * functions.json as custom-functions-metadata-plugin generates it, finished for Excel:
 * - every function gets a `helpUrl`: its anchor (the function's name) on the help page shipped with the
 *   add-in, at the address the files are served from. Set here rather than by a `@helpurl` tag per
 *   function, so no function can lack one and the address follows CONTRATUALIZA_URL;
 * - `allowCustomDataForDataTypeAny` off (the generator always writes true). With it on, Excel hands a cell
 *   holding a data type (an entity, a formatted number) to an `any` parameter as a JSON object, which
 *   src/functions/coerce.ts does not read; the functions never return data types either. Off, Excel passes
 *   the four plain kinds (number, text, boolean, error) the coercion was written for.
 */
class FinishFunctionsMetadata {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    const name = "FinishFunctionsMetadata";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return; // the generator reported errors: they fail the build already
        const metadata = JSON.parse(asset.source.source().toString());
        metadata.allowCustomDataForDataTypeAny = false;
        for (const f of metadata.functions) f.helpUrl = `${this.baseUrl}${helpPage}#${f.name}`;
        compilation.updateAsset("functions.json", new webpack.sources.RawSource(JSON.stringify(metadata, null, 4)));
      });
    });
  }
}

/** The production address from CONTRATUALIZA_URL (https, with a trailing slash), or undefined. */
function productionUrl() {
  const value = (process.env.CONTRATUALIZA_URL || "").trim();
  if (value === "") return undefined;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`CONTRATUALIZA_URL is not a URL: "${value}" (expected e.g. https://addin.example.gov.br/)`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`CONTRATUALIZA_URL must use https (Office only loads add-ins over https): "${value}"`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Dev server certificate (dev only): created and trusted by office-addin-dev-certs on first use. */
async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/**
 * The functions' names, descriptions and parameters for the task pane's list, taken from the metadata the
 * plugin generated in this same compilation (so the list always matches functions.json).
 */
function functionList() {
  const result = CustomFunctionsMetadataPlugin.generateResults[functionsInput];
  if (!result) return "[]";
  const { functions } = JSON.parse(result.metadataJson);
  return JSON.stringify(
    functions.map((f) => ({
      name: f.name,
      description: f.description || "",
      parameters: (f.parameters || []).map((p) => ({ name: p.name, optional: Boolean(p.optional) })),
    })),
  );
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const prodUrl = productionUrl();

  const config = {
    devtool: "source-map",
    entry: {
      boot: "./src/taskpane/boot.ts",
      functions: functionsInput,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].chunk.js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type-check only what is bundled (not tests/ or scripts/), and emit ES modules so webpack
              // can tree-shake React and Fluent UI (tsconfig.json says commonjs, which is right for jest).
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "es2020" },
            },
          },
        },
      ],
      // No rule for the custom-functions loader: CustomFunctionsMetadataPlugin (2.x) attaches its own loader
      // to src/functions/functions.ts, which appends a CustomFunctions.associate(id, function) call for
      // every @customfunction. A second, explicit rule would associate every function twice.
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionsInput,
      }),
      new FinishFunctionsMetadata(prodUrl || urlDev),
      new webpack.DefinePlugin({
        __META_FUNCTIONS__: webpack.DefinePlugin.runtimeValue(functionList, true),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the one page runs the functions and the task pane. boot.js loads Office.js and
        // then functions.js itself (src/taskpane/boot.ts); taskpane.js renders at once and follows it.
        chunks: ["boot", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: `src/functions/${helpPage}`, to: helpPage },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return prodUrl ? content.toString().split(urlDev).join(prodUrl) : content;
            },
          },
        ],
      }),
    ],
    performance: {
      // A budget: the page (React + Fluent UI + functions) loads on every Excel start. ~300 KiB today;
      // a warning past 350 KiB per script says it is time to look at what grew.
      hints: dev ? false : "warning",
      maxAssetSize: 350 * 1024,
      maxEntrypointSize: 350 * 1024,
    },
  };

  // Only `webpack serve` gets a dev server (and so a certificate); `webpack --mode production` never does.
  if (env.WEBPACK_SERVE) {
    config.devServer = {
      static: false, // everything served is from the compilation (pages, scripts, copied icons, manifest)
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        options: await getHttpsOptions(),
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }

  return config;
};
