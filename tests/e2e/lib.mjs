// Helpers for the end-to-end tests: the real Versus binary, driven over W3C
// WebDriver by tauri-driver (in front of WebKitWebDriver), inside Xvfb.
//
// Each app launch gets its own tauri-driver on free ports, started with
// VERSUS_DATA_DIR pointing at the test's data folder (and the XDG folders
// pointing beside it, so the webview's own storage is per test too).
// Every wait is bounded; every process started here is killed by its
// process group on quit, on failure and on exit.

import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { By, Capabilities, Key, WebDriver, until } from 'selenium-webdriver';
import seleniumHttp from 'selenium-webdriver/http/index.js';

export { By, Key, until };

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const appBinary = process.env.VERSUS_E2E_APP || path.join(repoRoot, 'target', 'debug', 'versus');
export const screenshotDir = path.join(repoRoot, 'target', 'e2e-screenshots');

export const WINDOW = { width: 1280, height: 860 };
const DRIVER_START_MS = 20_000;
const SESSION_START_MS = 60_000;
const QUIT_MS = 15_000;
const COMMAND_MS = 30_000;
export const WAIT_MS = 15_000;

/** Rejects with a clear message when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- processes ------------------------------------------------------------------

const live = new Set(); // tauri-driver handles not yet stopped

// run.sh passes a folder in which each live process group started here is
// listed (one empty file named by its id), so that its exit trap can end them
// even if node itself is killed. A group leaves the list when it is stopped.
function recordGroup(pid) {
  const dir = process.env.VERSUS_E2E_PIDDIR;
  if (dir) fs.writeFileSync(path.join(dir, String(pid)), '');
}

function forgetGroup(pid) {
  const dir = process.env.VERSUS_E2E_PIDDIR;
  if (dir) fs.rmSync(path.join(dir, String(pid)), { force: true });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function stopDriverSync(handle) {
  if (!handle || handle.stopped) return;
  handle.stopped = true;
  live.delete(handle);
  killGroup(handle.child.pid, 'SIGKILL');
  forgetGroup(handle.child.pid);
}

process.on('exit', () => {
  for (const handle of [...live]) stopDriverSync(handle);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    for (const handle of [...live]) stopDriverSync(handle);
    process.exit(128 + os.constants.signals[signal]);
  });
}

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function tauriDriverPath() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const inCargo = path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver');
  return fs.existsSync(inCargo) ? inCargo : 'tauri-driver';
}

/** A new, empty data folder (inside a new temp folder that also holds its XDG folders). */
export function freshDataDir() {
  const parent = process.env.VERSUS_E2E_TMP || os.tmpdir(); // run.sh: a folder it removes at the end
  fs.mkdirSync(parent, { recursive: true });
  const root = fs.mkdtempSync(path.join(parent, 'versus-e2e-'));
  const dir = path.join(root, 'data');
  fs.mkdirSync(dir);
  return dir;
}

/** The XDG folders for a data folder: beside it, so that they live and die with it. */
function xdgEnv(dataDir) {
  const base = path.join(path.dirname(dataDir), 'xdg');
  const env = {
    XDG_DATA_HOME: path.join(base, 'data'),
    XDG_CONFIG_HOME: path.join(base, 'config'),
    XDG_CACHE_HOME: path.join(base, 'cache'),
  };
  for (const dir of Object.values(env)) fs.mkdirSync(dir, { recursive: true });
  return env;
}

/** The folder that stands in for the file dialogs of the app on `dataDir` (made if missing). */
function dialogDirFor(dataDir) {
  const dir = path.join(dataDir, 'e2e-dialog');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Where an app's exports land and its imports are read from, in place of its file dialogs. */
export const dialogDirOf = (driver) => dialogDirFor(driver.versus.dataDir);

/**
 * The environment of an app process on `dataDir`, as tauri-driver gives it to
 * the app; also for starting the binary by hand (a second launch).
 * `extra` is added last (e.g. a D-Bus session's address).
 */
export function appEnv(dataDir, extra = {}) {
  return {
    ...process.env,
    ...xdgEnv(dataDir),
    VERSUS_DATA_DIR: dataDir,
    // The app's test seam for native file dialogs, which WebDriver cannot click:
    // exports land in this folder, and an import reads `import.json` (a pack
    // import `import.versuspack`) from it.
    VERSUS_E2E_DIALOG_DIR: dialogDirFor(dataDir),
    WEBKIT_DISABLE_COMPOSITING_MODE: '1',
    ...extra,
  };
}

/** Starts a tauri-driver whose app processes use `dataDir` (and `extraEnv`, if given). */
export async function startTauriDriver(dataDir, extraEnv = {}) {
  if (!fs.existsSync(appBinary)) {
    throw new Error(`no app binary at ${appBinary}: run \`cargo build\` first (tests/e2e/run.sh does)`);
  }
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  const env = appEnv(dataDir, extraEnv);
  const child = spawn(tauriDriverPath(), ['--port', String(port), '--native-port', String(nativePort)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: WebKitWebDriver and the app die with it
  });
  recordGroup(child.pid);
  const handle = { child, port, nativePort, dataDir, log: '', stopped: false, exited: false };
  live.add(handle);
  const keep = (chunk) => {
    handle.log += chunk.toString();
    if (handle.log.length > 200_000) handle.log = handle.log.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', (code, signal) => {
    handle.exited = true;
    handle.log += `\n[tauri-driver exited: code ${code}, signal ${signal}]\n`;
  });
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});

  const deadline = Date.now() + DRIVER_START_MS;
  for (;;) {
    if (handle.exited) {
      stopDriverSync(handle);
      throw new Error(`tauri-driver exited at start:\n${handle.log}`);
    }
    const ready = await Promise.race([canConnect(port), spawnError]).catch((err) => {
      stopDriverSync(handle);
      throw new Error(`could not start tauri-driver (${tauriDriverPath()}): ${err.message}`);
    });
    if (ready) return handle;
    if (Date.now() > deadline) {
      await stopTauriDriver(handle);
      throw new Error(`tauri-driver did not listen on port ${port} within ${DRIVER_START_MS} ms:\n${handle.log}`);
    }
    await sleep(100);
  }
}

/** Ends a tauri-driver and everything it started (WebKitWebDriver, the app). */
export async function stopTauriDriver(handle) {
  if (!handle || handle.stopped) return;
  handle.stopped = true;
  live.delete(handle);
  const pid = handle.child.pid;
  if (!handle.exited) {
    const exited = new Promise((resolve) => handle.child.once('exit', resolve));
    killGroup(pid, 'SIGTERM');
    await withTimeout(exited, 3000, 'tauri-driver to exit').catch(() => {});
  }
  killGroup(pid, 'SIGKILL'); // the rest of the group (the app, WebKitWebDriver), if any is left
  forgetGroup(pid);
  handle.child.stdout?.destroy();
  handle.child.stderr?.destroy();
}

/**
 * A D-Bus session bus of a test's own (the app's single-instance hand-over
 * runs on one, and the e2e display has none). Its process group is listed
 * for run.sh like tauri-driver's. Answers { address, stop() }.
 */
export async function startSessionBus() {
  const child = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  recordGroup(child.pid);
  const stop = () => {
    killGroup(child.pid, 'SIGKILL');
    forgetGroup(child.pid);
  };
  process.once('exit', stop);
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  try {
    const address = await withTimeout(
      new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}: ${err}`)));
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.split('\n')[0].trim());
        });
      }),
      10_000,
      'a D-Bus session bus',
    );
    return { address, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

// --- sessions ---------------------------------------------------------------------

/**
 * The capabilities sent to tauri-driver: only `tauri:options` (no browserName).
 * `args` are the app's command-line arguments (tauri-driver passes them on).
 */
export function appCapabilities(args = []) {
  return new Capabilities().set('tauri:options', args.length ? { application: appBinary, args } : { application: appBinary });
}

// selenium's Builder refuses to build without a browserName, which tauri-driver
// may fail to match; so the session is created the way Builder#usingServer does
// it for a remote end, on an HTTP executor for the tauri-driver's URL.
async function newSession(handle, args = []) {
  const url = `http://127.0.0.1:${handle.port}/`;
  const executor = new seleniumHttp.Executor(new seleniumHttp.HttpClient(url));
  const driver = WebDriver.createSession(executor, appCapabilities(args));
  try {
    await withTimeout(driver.getSession(), SESSION_START_MS, `a WebDriver session on ${url}`);
  } catch (err) {
    throw new Error(`${err.message}\n--- tauri-driver log ---\n${handle.log}`);
  }
  driver.versus = handle;
  try {
    await withTimeout(driver.manage().setTimeouts({ script: COMMAND_MS, pageLoad: COMMAND_MS }), 5000, 'set timeouts');
  } catch {
    /* not essential */
  }
  try {
    await withTimeout(driver.manage().window().setRect({ x: 0, y: 0, ...WINDOW }), 5000, 'set the window size');
  } catch {
    /* not every driver can; the window keeps the size from tauri.conf.json */
  }
  return driver;
}

/**
 * Starts the app on `dataDir` (a fresh one when omitted) and returns its
 * WebDriver. `args`: the app's command-line arguments; `env`: more of its
 * environment.
 */
export async function launchApp(dataDir = freshDataDir(), { args = [], env = {} } = {}) {
  const handle = await startTauriDriver(dataDir, env);
  try {
    return await newSession(handle, args);
  } catch (err) {
    await stopTauriDriver(handle);
    throw err;
  }
}

/** Ends the session (which closes the app) and its tauri-driver. Never throws, never hangs. */
export async function quitApp(driver) {
  if (!driver) return;
  const handle = driver.versus;
  await withTimeout(driver.quit(), QUIT_MS, 'session quit').catch(() => {});
  await stopTauriDriver(handle);
}

/** Closes the app and opens it again on the same data folder; returns the new driver. */
export async function restartApp(driver) {
  const dataDir = driver.versus.dataDir;
  await quitApp(driver);
  return launchApp(dataDir);
}

/** The data folder an app was launched on. */
export const dataDirOf = (driver) => driver.versus.dataDir;

/** What the tauri-driver (and WebKitWebDriver, and the app) printed. */
export const driverLog = (driver) => driver?.versus?.log ?? '';

// --- waits and helpers --------------------------------------------------------------

/** Waits (bounded) for an element matching `css` and returns it. */
export async function waitFor(driver, css, timeout = WAIT_MS) {
  try {
    return await withTimeout(
      driver.wait(until.elementLocated(By.css(css)), timeout),
      timeout + 5000,
      `element ${css}`,
    );
  } catch (err) {
    throw new Error(`no element matches ${css} after ${timeout} ms (${err.name}: ${err.message})`);
  }
}

/** Waits (bounded) for an element matching `css` that is displayed, and returns it. */
export async function waitVisible(driver, css, timeout = WAIT_MS) {
  const element = await waitFor(driver, css, timeout);
  await withTimeout(driver.wait(until.elementIsVisible(element), timeout), timeout + 5000, `${css} visible`);
  return element;
}

/** Waits (bounded) until `fn()` resolves to something truthy; returns it. */
export async function waitUntil(fn, what, timeout = WAIT_MS, interval = 100) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await withTimeout(fn(), COMMAND_MS, what);
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await sleep(interval);
  }
}

/** Waits for the view `name` to have rendered its data. */
export function waitForView(driver, name, timeout = WAIT_MS) {
  return waitFor(driver, `main#view[data-view="${name}"][data-ready="true"]`, timeout);
}

/** Goes to a hash route (`#/comparisons`, ...). */
export async function goTo(driver, hash) {
  await withTimeout(driver.executeScript('window.location.hash = arguments[0];', hash), COMMAND_MS, `go to ${hash}`);
}

/** Runs `script` in the page (bounded). */
export function js(driver, script, ...args) {
  return withTimeout(driver.executeScript(script, ...args), COMMAND_MS, `script: ${script.slice(0, 60)}`);
}

/** Escapes a string for use inside a double-quoted CSS attribute value. */
export const cssString = (value) => String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"');

// --- screenshots ---------------------------------------------------------------------

/**
 * Saves the whole Xvfb display as target/e2e-screenshots/<name>.png, with
 * ImageMagick's `import` (WebKitWebDriver's own screenshot can hang under Xvfb).
 */
export async function screenshot(name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await sleep(300); // let the last paint reach the display
  await new Promise((resolve, reject) => {
    execFile('import', ['-window', 'root', file], { timeout: 20_000 }, (err, _stdout, stderr) =>
      err ? reject(new Error(`screenshot ${name} failed: ${err.message} ${stderr}`)) : resolve(),
    );
  });
  return file;
}

// --- the app, as a person uses it ------------------------------------------------------

/** The seed comparison files in content/, read the way a test needs them. */
export function contentComparisons() {
  const root = path.join(repoRoot, 'content');
  const found = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(root, entry.name))) {
      if (file.endsWith('.json')) found.push(JSON.parse(fs.readFileSync(path.join(root, entry.name, file), 'utf8')));
    }
  }
  return found;
}

export const contentComparison = (id) => {
  const found = contentComparisons().find((c) => c.id === id);
  if (!found) throw new Error(`no comparison ${id} in content/`);
  return found;
};

/** Collapses runs of white space, as rendered text does. */
export const squash = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the current view (whichever it is) has rendered. */
export function waitForAnyView(driver, timeout = WAIT_MS) {
  return waitFor(driver, 'main#view[data-view][data-ready="true"]', timeout);
}

/** Clicks a top-nav link (`dashboard`, `list`, `settings`) and waits for its view. */
export async function navTo(driver, nav) {
  await waitForAnyView(driver);
  const view = { dashboard: 'dashboard', list: 'list', settings: 'settings', backups: 'backups' }[nav];
  const link = await waitFor(driver, `header a[data-nav="${nav}"], nav a[data-nav="${nav}"]`);
  await withTimeout(link.click(), COMMAND_MS, `click nav ${nav}`);
  return waitForView(driver, view);
}

/** Waits for the comparison page of `id` to have rendered; returns its article. */
export async function waitForComparison(driver, id, timeout = WAIT_MS) {
  await waitForView(driver, 'comparison', timeout);
  return waitFor(driver, `article#comparison[data-comparison-id="${cssString(id)}"]`, timeout);
}

/** From the dashboard (reached by its nav link), opens a comparison by its link there. */
export async function openComparisonFromDashboard(driver, id = 'ec2-vs-lambda') {
  await navTo(driver, 'dashboard');
  const link = await waitFor(driver, `main#view a[data-comparison-id="${cssString(id)}"]`);
  await withTimeout(link.click(), COMMAND_MS, `click the dashboard link to ${id}`);
  return waitForComparison(driver, id);
}

/** Chooses `value` in the <select> matching `css` by clicking its option, as a person would. */
export async function choose(driver, css, value) {
  const select = await waitFor(driver, css);
  const option = await withTimeout(
    select.findElement(By.css(`option[value="${cssString(value)}"]`)),
    COMMAND_MS,
    `option ${value} of ${css}`,
  );
  await withTimeout(option.click(), COMMAND_MS, `choose ${value} in ${css}`);
  await waitUntil(async () => (await select.getAttribute('value')) === value, `${css} to hold ${value}`);
  return select;
}

/** The CSS selector of an item on a comparison page. */
export const itemCss = (section, itemId) =>
  `.item[data-section="${cssString(section)}"][data-item-id="${cssString(itemId)}"]`;

/** Clicks an item's note toggle and returns its editor (found by its accessible name). */
export async function openEditor(driver, section, itemId, label) {
  const item = await waitFor(driver, itemCss(section, itemId));
  const toggle = await withTimeout(item.findElement(By.css('button.note-toggle')), COMMAND_MS, 'note toggle');
  await withTimeout(toggle.click(), COMMAND_MS, `open the note editor of ${section} ${itemId}`);
  return waitVisible(driver, `textarea.note-editor[aria-label^="${cssString(label)}"]`);
}

/** Waits until the save state beside the editor of an item says `state`. */
export async function waitSaveState(driver, section, itemId, state = 'saved', timeout = WAIT_MS) {
  const css = `${itemCss(section, itemId)} .save-state`;
  await waitFor(driver, css, timeout);
  return waitUntil(
    async () => {
      const now = await js(driver, 'const el = document.querySelector(arguments[0]); return el && el.dataset.state;', css);
      if (now === 'failed') throw new Error(`the note on ${section} ${itemId} failed to save`);
      return now === state;
    },
    `the note on ${section} ${itemId} to be ${state}`,
    timeout,
  );
}

/** The preview of the saved note on an item, waiting until it exists. */
export function notePreview(driver, section, itemId, timeout = WAIT_MS) {
  return waitFor(driver, `${itemCss(section, itemId)} .note-preview`, timeout);
}

/**
 * Types `text` into an element; each newline is typed as the Enter key
 * (WebKitWebDriver drops a bare "\n" in sendKeys).
 */
export async function typeInto(element, text) {
  const keys = String(text).split('\n').join(Key.ENTER);
  await withTimeout(element.sendKeys(keys), COMMAND_MS, 'typing');
}

/** Presses a key chord on whatever has focus (e.g. `pressKeys(driver, Key.ALT, Key.ARROW_LEFT)`). */
export async function pressKeys(driver, ...keys) {
  let actions = driver.actions();
  for (const key of keys.slice(0, -1)) actions = actions.keyDown(key);
  actions = actions.sendKeys(keys[keys.length - 1]);
  for (const key of keys.slice(0, -1).reverse()) actions = actions.keyUp(key);
  await withTimeout(actions.perform(), COMMAND_MS, 'key chord');
}

/** The current theme as the page applies it. */
export const currentTheme = (driver) => js(driver, 'return document.documentElement.dataset.theme;');

/**
 * Runs `body(app, t)` against a freshly launched app on a fresh data folder.
 * `app.driver` is the live driver, `app.restart()` reopens the app on the same
 * data folder. On failure, the display is saved as failed-<name>.png and the
 * driver's log is added to the error. The app is always closed afterwards.
 */
export function appTest(name, body, { timeout = 180_000 } = {}) {
  return [
    name,
    { timeout },
    async (t) => {
      const app = {
        driver: await launchApp(freshDataDir()),
        async restart() {
          this.driver = await restartApp(this.driver);
          return this.driver;
        },
      };
      try {
        await body(app, t);
      } catch (err) {
        const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
        await screenshot(`failed-${slug}`).catch(() => {});
        const where = await withTimeout(
          app.driver.executeScript(
            "const v = document.querySelector('main#view'); return location.href + ' (view ' + (v && v.dataset.view) + ', ready ' + (v && v.dataset.ready) + ')';",
          ),
          5000,
          'where the app is',
        ).catch(() => 'unknown');
        err.message += `\n--- the app was at ${where}; display saved as target/e2e-screenshots/failed-${slug}.png`;
        const log = driverLog(app.driver).trim();
        if (log && process.env.VERSUS_E2E_QUIET_LOG !== '1') {
          err.message += `\n--- tauri-driver / app output (last 4000 chars) ---\n${log.slice(-4000)}`;
        }
        throw err;
      } finally {
        await quitApp(app.driver);
      }
    },
  ];
}

/**
 * Suspends every "which would you pick?" card, for the tests of the flip-card
 * review (Space reveals, 1–4 grade): without it, the day's interleaved queue
 * may open on a scenario, which is answered by picking instead.
 */
export function onlyFlipCards(driver) {
  return suspendScenarioCards(driver, true);
}

/** Suspends (or brings back) every scenario card; answers how many there are. */
export async function suspendScenarioCards(driver, suspended) {
  await waitForAnyView(driver);
  const result = await withTimeout(
    driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      const invoke = window.__TAURI__.core.invoke;
      const filter = (offset) => ({ comparison: null, category: null, kind: 'scenario', state: null, due: null, sort: 'due', offset, limit: 500 });
      const wanted = arguments[0];
      (async () => {
        let count = 0;
        for (let offset = 0; ; offset += 500) {
          const page = await invoke('list_cards', { filter: filter(offset) });
          if (!page.cards.length) return count;
          await invoke('suspend_cards', { cardIds: page.cards.map((c) => c.id), suspended: wanted });
          count += page.cards.length;
        }
      })().then(done, (e) => done('error: ' + JSON.stringify(e)));`, suspended),
    COMMAND_MS,
    'suspend the scenario cards',
  );
  if (typeof result !== 'number' || result === 0) throw new Error(`no scenario card was found: ${result}`);
  return result;
}
