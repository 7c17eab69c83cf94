// What app.js and the views hand each other.

import type { AppStatus } from "./api";
import type { Prefs } from "../prefs.js";
import type { Route } from "../router.js";

/** What app.js gives every view. */
export interface ViewContext {
  prefs: Prefs;
  status: AppStatus;
  toast(message: string): void;
}

/** What a view's render() answers once it is on screen. */
export interface View {
  /** What gets focus once the view is shown; undefined: its h1, null: nothing. */
  focusTarget?: HTMLElement | null;
  /** Save now. May run any time (blur, hide, close, before dispose), more than once. */
  flush?(): Promise<unknown>;
  /** Another device's changes arrived (background sync): show them, never over text being typed. */
  synced?(report: import("./api").SyncReport): void;
  /** The view is being left: stop its timers and global listeners. Navigation only. */
  dispose?(): void;
}

export type RenderView = (view: HTMLElement, route: Route, ctx: ViewContext) => Promise<View>;
