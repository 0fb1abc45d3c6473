/**
 * What Fluent UI needs from a browser that jsdom lacks (matchMedia, ResizeObserver; TextEncoder for the fake
 * Excel that some pane tests run the real Excel host on), and the jest-axe matcher. Imported first by every
 * task pane test (each declares the jsdom environment in its docblock).
 */
import { TextEncoder } from "util";
import { toHaveNoViolations } from "jest-axe";

expect.extend(toHaveNoViolations);

// Fluent UI in jsdom, user-event and axe are slow on a shared machine.
jest.setTimeout(60_000);

if (typeof globalThis.TextEncoder !== "function") Object.assign(globalThis, { TextEncoder });

if (typeof window.matchMedia !== "function") {
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (typeof window.ResizeObserver !== "function") {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, "ResizeObserver", { configurable: true, value: ResizeObserverStub });
}

// jsdom lays nothing out: every element's offsetParent is null and the body measures 0 × 0, which Tabster
// (Fluent's keyboard navigation: arrow keys in a tab list, focus trapping in dialogs) reads as "not
// displayed". Here the body is a 320-pixel-wide pane, and elements are displayed unless they or an ancestor
// are hidden.
document.body.getBoundingClientRect = () => ({
  x: 0,
  y: 0,
  top: 0,
  left: 0,
  width: 320,
  height: 800,
  right: 320,
  bottom: 800,
  toJSON: () => ({}),
});
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement) {
    if (this.closest("[hidden]") || this.closest('[style*="display: none"]')) return null;
    return this.parentElement;
  },
});

// The tabs' overflow manager (Fluent's Overflow) compares the tab row's clientWidth with the tabs'
// offsetWidth; jsdom measures both as 0, which reads as "no room": every tab would go into "Mais". Here
// elements are 320 pixels wide inside and take no room, so every tab stays on the row (the browser tests
// check the real overflow at 320 px).
Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 320 });

// Fluent's Dropdown scrolls its active option into view when its list opens; jsdom has no scrollIntoView.
if (typeof Element.prototype.scrollIntoView !== "function") Element.prototype.scrollIntoView = () => undefined;
