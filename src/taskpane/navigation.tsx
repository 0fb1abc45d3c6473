/**
 * The pane's screens in the order a coordinator goes through them the first time (Início → Avaliar →
 * Resumo → Justificativas → Comunicado), then the rest, and a way for a screen to send the user to the
 * next one (its "Próximo passo" button).
 */
import { createContext, useContext } from "react";
import { consolidatePaneStrings, paneStrings, taskpaneStrings } from "./messages";

/** Every tab's label, by id. */
export const TAB_LABELS = {
  inicio: paneStrings.tabs.inicio,
  avaliar: taskpaneStrings.tabs.avaliar,
  resumo: taskpaneStrings.tabs.resumo,
  justificativas: taskpaneStrings.tabs.justificativas,
  comunicado: paneStrings.tabs.comunicado,
  tabelas: taskpaneStrings.tabs.tabelas,
  consolidar: consolidatePaneStrings.tab,
  regras: taskpaneStrings.tabs.regras,
  modelos: taskpaneStrings.tabs.modelos,
  funcoes: taskpaneStrings.tabs.funcoes,
};

export type TabId = keyof typeof TAB_LABELS;

/** The workflow first; the tabs that do not fit the pane's width go into the "Mais" menu, from the end. */
export const TABS = Object.keys(TAB_LABELS) as TabId[];

/** Opens a screen (its tab). */
export const NavigationContext = createContext<(tab: TabId) => void>(() => undefined);

export function useNavigate(): (tab: TabId) => void {
  return useContext(NavigationContext);
}
