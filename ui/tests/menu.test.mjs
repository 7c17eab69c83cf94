import { test } from "node:test";
import assert from "node:assert/strict";
import { EXPORT_FORM_HASH, installMenuHandlers, nextZoom, parseMenuId, ZOOM_LEVELS } from "../js/menu.js";

test("menu ids map to actions", () => {
  assert.deepEqual(parseMenuId("export"), { kind: "export", value: null });
  assert.deepEqual(parseMenuId("backups"), { kind: "backups", value: null });
  assert.deepEqual(parseMenuId("about"), { kind: "about", value: null });
  assert.deepEqual(parseMenuId("theme:dark"), { kind: "theme", value: "dark" });
  assert.deepEqual(parseMenuId("theme:system"), { kind: "theme", value: "system" });
  assert.deepEqual(parseMenuId("text-size:large"), { kind: "textSize", value: "large" });
  assert.deepEqual(parseMenuId("zoom:in"), { kind: "zoom", value: "in" });
  assert.deepEqual(parseMenuId("new-comparison"), { kind: "new-comparison", value: null });
  assert.deepEqual(parseMenuId("import-pack"), { kind: "import-pack", value: null });
  assert.deepEqual(parseMenuId("export-pack"), { kind: "export-pack", value: null });
  assert.deepEqual(parseMenuId("packs"), { kind: "packs", value: null });
  assert.deepEqual(parseMenuId("print"), { kind: "print", value: null });
});

test("every menu item id the Rust shell declares is understood", async () => {
  const { readFile } = await import("node:fs/promises");
  const shell = await readFile(new URL("../../src-tauri/src/shell.rs", import.meta.url), "utf8");
  const module = shell.slice(shell.indexOf("pub mod ids {"), shell.indexOf("}", shell.indexOf("pub mod ids {")));
  const ids = [...module.matchAll(/pub const \w+: &str = "([^"]+)";/g)].map((m) => m[1]);
  assert.ok(ids.includes("import-pack"), "the shell's ids were read");
  assert.ok(ids.includes("print"), "File > Print… is declared");
  for (const id of ids.filter((id) => id !== "quit")) assert.notEqual(parseMenuId(id), null, id);
});

test("unknown or malformed menu ids are ignored", () => {
  for (const id of ["quit", "theme:neon", "text-size:huge", "zoom:sideways", "export:x", "theme:dark:x", "import-pack:x", "print:x", "print:", "new", "", null, 42]) {
    assert.equal(parseMenuId(id), null, String(id));
  }
});

test("zoom steps through the levels and stops at both ends", () => {
  assert.equal(nextZoom(1, "in"), 1.1);
  assert.equal(nextZoom(1, "out"), 0.9);
  assert.equal(nextZoom(1.75, "reset"), 1);
  assert.equal(nextZoom(ZOOM_LEVELS.at(-1), "in"), ZOOM_LEVELS.at(-1));
  assert.equal(nextZoom(ZOOM_LEVELS[0], "out"), ZOOM_LEVELS[0]);
  assert.equal(nextZoom(1.05, "in"), 1.1, "a level between steps goes to the next one");
  assert.equal(nextZoom(1.05, "out"), 1);
});

test("outside the desktop window nothing is installed", async () => {
  assert.equal(await installMenuHandlers({}, undefined), null);
});

test("menu events set the zoom through the webview API", async () => {
  const zooms = [];
  let handler;
  const tauri = {
    event: { listen: async (name, fn) => { assert.equal(name, "menu"); handler = fn; return () => {}; } },
    webview: { getCurrentWebview: () => ({ setZoom: async (level) => zooms.push(level) }) },
  };
  const toasts = [];
  await installMenuHandlers({ toast: (m) => toasts.push(m) }, tauri);
  handler({ payload: "zoom:in" });
  await new Promise((resolve) => setTimeout(resolve, 0));
  handler({ payload: "zoom:in" });
  await new Promise((resolve) => setTimeout(resolve, 0));
  handler({ payload: "zoom:reset" });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(zooms, [1.1, 1.25, 1]);
  assert.deepEqual(toasts, []);
});

test("menu events navigate to a new comparison, the packs and their export form", async () => {
  let handler;
  const tauri = { event: { listen: async (_name, fn) => { handler = fn; return () => {}; } } };
  const saved = globalThis.location;
  const saved_document = globalThis.document;
  globalThis.location = { hash: "#/" };
  globalThis.document = { getElementById: () => null };
  try {
    const toasts = [];
    await installMenuHandlers({ toast: (m) => toasts.push(m) }, tauri);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    handler({ payload: "new-comparison" });
    await settle();
    assert.equal(location.hash, "#/new");
    handler({ payload: "packs" });
    await settle();
    assert.equal(location.hash, "#/packs");
    handler({ payload: "export-pack" });
    await settle();
    assert.equal(location.hash, EXPORT_FORM_HASH);
    assert.deepEqual(toasts, []);
  } finally {
    globalThis.location = saved;
    globalThis.document = saved_document;
  }
});
