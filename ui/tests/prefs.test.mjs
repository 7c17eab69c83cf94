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
    lastPlace: null,
    desiredRetention: 0.85,
    newPerDay: 5,
    printNotes: false,
    interviewDate: "",
  });
  assert.equal(sanitizePrefs({ desiredRetention: 2 }).desiredRetention, 0.9);
  assert.equal(sanitizePrefs({ newPerDay: -1 }).newPerDay, 20);
  assert.equal(sanitizePrefs({ newPerDay: 2.5 }).newPerDay, 20);
});

test("the place in the last view is kept only when it names a route and a scroll offset", () => {
  const place = { route: "#/c/ec2-vs-lambda", scrollY: 840 };
  assert.deepEqual(sanitizePrefs({ lastPlace: place }).lastPlace, place);
  for (const bad of [{ route: "https://x", scrollY: 1 }, { route: "#/", scrollY: -5 }, { route: "#/", scrollY: "9" }, "#/", 7]) {
    assert.equal(sanitizePrefs({ lastPlace: bad }).lastPlace, null, JSON.stringify(bad));
  }
});

function fakeStorePlugin() {
  const data = {};
  let saves = 0;
  let loads = 0;
  return {
    data,
    get saves() {
      return saves;
    },
    get loads() {
      return loads;
    },
    async getStore(path) {
      loads += 1;
      data.path = path;
      return {
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

test("openPrefs uses the values read at start-up and opens the file only to write a change", async () => {
  const plugin = fakeStorePlugin();
  const prefs = openPrefs(plugin, "/data/preferences.json", { theme: "dark", textSize: "huge", other: 1 });
  assert.equal(prefs.get("theme"), "dark");
  assert.equal(prefs.get("textSize"), "medium", "a malformed value falls back to its default");
  assert.equal(prefs.get("other"), undefined, "unknown keys are dropped");
  assert.equal(plugin.loads, 0, "reading needs no call");
  await prefs.set("textSize", "large");
  await prefs.set("theme", "light");
  assert.equal(plugin.data.path, "/data/preferences.json");
  assert.equal(plugin.data.textSize, "large");
  assert.equal(plugin.data.theme, "light");
  assert.equal(plugin.saves, 2, "each change is saved");
  assert.equal(plugin.loads, 1, "the file is opened once");
});

test("setting a preference to the value it has writes nothing", async () => {
  const plugin = fakeStorePlugin();
  const prefs = openPrefs(plugin, "/x", { lastRoute: "#/comparisons" });
  await prefs.set("lastRoute", "#/comparisons");
  assert.equal(plugin.loads, 0);
  assert.equal(plugin.saves, 0);
});

test("openPrefs survives a store that cannot load, keeping changes in memory", async () => {
  const prefs = openPrefs({ getStore: async () => { throw new Error("disk full"); } }, "/x", undefined);
  assert.equal(prefs.get("theme"), "system");
  await prefs.set("theme", "light");
  assert.equal(prefs.get("theme"), "light");
});

test("a preferences store the app did not open is not created by the page; changes stay in memory", async () => {
  let asked = 0;
  const prefs = openPrefs({ getStore: async () => (asked++, null) }, "/x", undefined);
  await prefs.set("theme", "dark");
  await prefs.set("textSize", "large");
  assert.equal(prefs.get("theme"), "dark");
  assert.equal(asked, 1, "asked once, not again for every change");
});

test("whether prints carry the notes is a yes or no, off unless chosen", () => {
  assert.equal(DEFAULT_PREFS.printNotes, false);
  assert.equal(sanitizePrefs({ printNotes: true }).printNotes, true);
  assert.equal(sanitizePrefs({ printNotes: "yes" }).printNotes, false);
  assert.equal(sanitizePrefs({ printNotes: 1 }).printNotes, false);
});
