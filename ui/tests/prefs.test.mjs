import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_PREFS, openPrefs, resolveTheme, sanitizePrefs } from "../js/prefs.js";

test("system theme follows the desktop", () => {
  assert.equal(resolveTheme("system", true), "dark");
  assert.equal(resolveTheme("system", false), "light");
  assert.equal(resolveTheme("dark", false), "dark");
  assert.equal(resolveTheme("light", true), "light");
});

test("malformed preferences fall back to defaults", () => {
  assert.deepEqual(sanitizePrefs(null), DEFAULT_PREFS);
  assert.deepEqual(sanitizePrefs({ theme: "neon", textSize: 99, lastRoute: "https://x" }), DEFAULT_PREFS);
  assert.deepEqual(sanitizePrefs({ theme: "dark", textSize: "large", lastRoute: "#/settings", desiredRetention: 0.85, newPerDay: 5 }), {
    theme: "dark",
    textSize: "large",
    lastRoute: "#/settings",
    desiredRetention: 0.85,
    newPerDay: 5,
  });
  assert.equal(sanitizePrefs({ desiredRetention: 2 }).desiredRetention, 0.9);
  assert.equal(sanitizePrefs({ newPerDay: -1 }).newPerDay, 20);
  assert.equal(sanitizePrefs({ newPerDay: 2.5 }).newPerDay, 20);
});

function fakeStorePlugin(initial = {}) {
  const data = { ...initial };
  let saves = 0;
  return {
    data,
    get saves() {
      return saves;
    },
    async load() {
      return {
        get: async (k) => data[k],
        set: async (k, v) => {
          data[k] = v;
        },
        save: async () => {
          saves += 1;
        },
      };
    },
  };
}

test("openPrefs reads stored values and writes changes through, saving each", async () => {
  const plugin = fakeStorePlugin({ theme: "dark" });
  const prefs = await openPrefs(plugin, "/data/preferences.json");
  assert.equal(prefs.get("theme"), "dark");
  assert.equal(prefs.get("textSize"), "medium");
  await prefs.set("textSize", "large");
  assert.equal(plugin.data.textSize, "large");
  assert.equal(plugin.saves, 1);
});

test("openPrefs survives a store that cannot load", async () => {
  const prefs = await openPrefs({ load: async () => { throw new Error("disk full"); } }, "/x");
  assert.equal(prefs.get("theme"), "system");
  await prefs.set("theme", "light");
  assert.equal(prefs.get("theme"), "light");
});
