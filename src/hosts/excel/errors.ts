/**
 * Office.js errors as pt-BR messages that say what to do. A failed `context.sync()` rejects with an
 * `OfficeExtension.Error` whose `code` names the cause (`InvalidOperationInCellEditMode`, `ItemNotFound`,
 * `RequestPayloadSizeLimitExceeded`, `AccessDenied`, `GeneralException`…); the class itself exists only
 * inside Office, so errors are told apart by that field.
 */
import { excelHostStrings, officeStrings } from "./messages";

/**
 * A failure the adapter has already put in words (a located pt-BR message), thrown where an Office error
 * would be so callers handle both alike.
 */
export class HostMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HostMessageError";
  }
}

/** The Office error code of a rejection (`undefined` for anything that is not an Office error). */
export function officeErrorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== "object") return undefined;
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string" && e.code !== "") return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return undefined;
}

/** What a person reads when Excel refused a read or a write. */
export function officeErrorMessage(error: unknown): string {
  if (error instanceof HostMessageError) return error.message;
  const code = officeErrorCode(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return officeStrings.cellEditMode;
    case "RequestPayloadSizeLimitExceeded":
      return officeStrings.payloadTooLarge;
    case "ItemNotFound":
      return officeStrings.itemNotFound;
    case "AccessDenied":
      return officeStrings.accessDenied;
    // A member this Excel does not have (an older version than the manifest asks for): trying again
    // cannot help, a newer Excel can.
    case "ApiNotFound":
    case "NotImplemented":
      return excelHostStrings.excelTooOld;
    default: {
      const detail = code ?? (error instanceof Error ? error.message : String(error));
      return officeStrings.general(detail);
    }
  }
}
