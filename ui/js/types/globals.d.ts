// The part of Tauri's global API (app.withGlobalTauri) the UI uses: only
// what is declared here type-checks, so a new use of the API is a conscious one.

export {};

declare global {
  /** A channel the Rust side sends messages on (tauri::ipc::Channel). */
  interface TauriChannel<T> {
    onmessage: (message: T) => void;
  }

  /** One file of tauri-plugin-store. */
  interface TauriStoreFile {
    set(key: string, value: unknown): Promise<void>;
    save(): Promise<void>;
  }

  /** Only a store the app already opened: the capability grants no `load`. */
  interface TauriStorePlugin {
    getStore(path: string): Promise<TauriStoreFile | null>;
  }

  interface TauriEvent<T> {
    event: string;
    id: number;
    payload: T;
  }

  interface TauriGlobal {
    core: {
      invoke<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T>;
      Channel: new <T = unknown>() => TauriChannel<T>;
    };
    event: {
      listen<T = unknown>(event: string, handler: (event: TauriEvent<T>) => void): Promise<() => void>;
      emit(event: string, payload?: unknown): Promise<void>;
    };
    store: TauriStorePlugin;
    webview: {
      getCurrentWebview(): { setZoom(level: number): Promise<void> };
    };
  }

  interface Window {
    __TAURI__?: TauriGlobal;
  }
}
