/**
 * The shared strings (`xl/sharedStrings.xml`), read once per file into plain values, as ExcelJS 4.4.0
 * reads them and `plainValue` flattens them: an item's text (`<t>`), or its rich-text runs' texts joined;
 * `_xHHHH_` escapes decoded; phonetic runs (`<rPh>`) left out; an empty text reads as empty (null).
 */
import { parseXml } from "./xml";

/** `_x000D_` → carriage return, as ExcelJS decodes the text of `<t>` in shared strings and rich-text runs. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function readSharedStrings(xml: string | Uint8Array | undefined): (string | null)[] {
  const out: (string | null)[] = [];
  if (xml === undefined) return out;
  // Per item: its plain `<t>` text, or its runs' texts; the last `<t>` directly under `<si>` wins, as in ExcelJS.
  let plain: string | undefined;
  let runs: string[] | undefined;
  let run: string | undefined;
  let text: string[] | undefined;
  let inRun = false;
  let phonetic = 0;
  parseXml(xml, {
    open: (local) => {
      if (phonetic > 0) {
        phonetic++;
        return;
      }
      if (local === "si") {
        plain = undefined;
        runs = undefined;
      } else if (local === "rPh") phonetic = 1;
      else if (local === "r") {
        inRun = true;
        run = "";
      } else if (local === "t") text = [];
    },
    text: (t) => {
      if (text && phonetic === 0) text.push(t);
    },
    close: (local) => {
      if (phonetic > 0) {
        phonetic--;
        return;
      }
      if (local === "t" && text) {
        const value = decodeEscapes(text.join(""));
        if (inRun) run = value;
        else {
          plain = value;
          runs = undefined;
        }
        text = undefined;
      } else if (local === "r") {
        (runs ??= []).push(run ?? "");
        inRun = false;
      } else if (local === "si") {
        const value = runs ? runs.join("") : (plain ?? "");
        out.push(value === "" ? null : value);
      }
    },
  });
  return out;
}
