// The project compiles without lib.dom, so the few browser globals that the tests'
// page.evaluate callbacks touch are typed here, narrowly. Use them as
// `(globalThis as unknown as PageWindow)` inside a callback: it runs in the page,
// where only the callback's own source exists.
export interface PageElement {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly open?: boolean;
  readonly href?: string;
  before(node: PageElement): void;
  focus(): void;
  textContent: string | null;
}

export interface PageWindow {
  readonly document: {
    readonly documentElement: PageElement;
    readonly body: PageElement;
    readonly activeElement: PageElement | null;
    readonly fonts: { readonly ready: Promise<unknown> };
    createElement(tag: string): PageElement;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
  };
  getComputedStyle(element: PageElement, pseudo?: string): { backgroundColor: string; color: string; content: string };
}
