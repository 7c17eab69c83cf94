// The one door to the Rust side. Every command answers a value or rejects
// with an AppError carrying the command's typed error code.

export class AppError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function tauri() {
  const t = globalThis.window?.__TAURI__;
  if (!t) throw new AppError("no_backend", "Versus must run inside its desktop window.");
  return t;
}

export async function call(command, args = {}) {
  try {
    return await tauri().core.invoke(command, args);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err && typeof err === "object" && "code" in err) throw new AppError(err.code, err.message);
    throw new AppError("internal", String(err?.message ?? err));
  }
}

export function storePlugin() {
  return tauri().store;
}

/** The file dialogs of tauri-plugin-dialog. */
export function dialogs() {
  return tauri().dialog;
}

/** A channel the Rust side reports progress on: onProgress({ done, total }). */
export function progressChannel(onProgress) {
  const channel = new (tauri().core.Channel)();
  channel.onmessage = onProgress;
  return channel;
}
