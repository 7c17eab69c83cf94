// Settings > Your schedule: "Optimize my schedule" fits FSRS to your own
// answers (off the main thread, with progress and Cancel), shows how well the
// current and the fitted parameters predict those answers, and adopts the
// fitted ones only when you say so; "Back to the defaults" undoes that.

import * as api from "../api.js";
import { attempt, errorText } from "../actions.js";
import { html, isoDate } from "../dom.js";

/** @typedef {import('../types/api').Optimization} Optimization */
/** @typedef {import('../types/api').ScheduleParameters} ScheduleParameters */

const POLL_MS = 250;

/** "0.3412" — enough digits to see a difference. @param {number} n */
const figure = (n) => n.toFixed(4);

/**
 * What the comparison of fits says, in words.
 * @param {Optimization} o
 */
export function verdict(o) {
  const better = o.fittedFit.logLoss < o.currentFit.logLoss;
  const percent = Math.abs((1 - o.fittedFit.logLoss / o.currentFit.logLoss) * 100).toFixed(1);
  return better
    ? `The fitted parameters predict your ${o.reviews} answers ${percent}% better (lower log loss).`
    : `The fitted parameters predict your answers no better than the ones in use; keeping these is fine.`;
}

/** @param {ScheduleParameters} p */
function inUseMarkup(p) {
  return p.fitted && p.fit && p.adoptedAt !== null
    ? html`<p id="schedule-in-use">In use: parameters fitted to your answers on ${isoDate(new Date(p.adoptedAt))}
        (log loss ${figure(p.fit.logLoss)}, RMSE ${figure(p.fit.rmse)}).
        <button type="button" id="schedule-reset" class="link-button">Back to the defaults</button></p>`
    : html`<p id="schedule-in-use">In use: the FSRS defaults, made from many learners' answers.</p>`;
}

/** @param {Optimization} o */
function resultMarkup(o) {
  return html`<table class="fit-table">
      <thead><tr><th scope="col">Parameters</th><th scope="col">Log loss</th><th scope="col">RMSE</th></tr></thead>
      <tbody>
        <tr><th scope="row">In use</th><td>${figure(o.currentFit.logLoss)}</td><td>${figure(o.currentFit.rmse)}</td></tr>
        <tr><th scope="row">Fitted to you</th><td>${figure(o.fittedFit.logLoss)}</td><td>${figure(o.fittedFit.rmse)}</td></tr>
      </tbody></table>
    <p>${verdict(o)} Lower is better for both.</p>
    <p class="button-row"><button type="button" class="primary" id="schedule-adopt">Use the fitted parameters</button>
      <button type="button" id="schedule-keep">Keep the ones in use</button></p>`;
}

/**
 * Mounts the panel into `root`; answers what stops its timer.
 * @param {HTMLElement} root
 * @param {import('../types/view').ViewContext} ctx
 */
export async function mountSchedulePanel(root, ctx) {
  let timer = 0;
  /** @type {Optimization | null} */
  let result = null;
  const body = () => /** @type {HTMLElement} */ (root.querySelector("#schedule-body"));
  const status = () => /** @type {HTMLElement} */ (root.querySelector("#schedule-status"));

  const paint = async () => {
    const inUse = await attempt(() => api.scheduleParameters(), ctx.toast, { prefix: "Could not read the schedule: " });
    root.innerHTML = html`<h2 id="schedule-title">Your schedule</h2>
      ${inUse ? inUseMarkup(inUse) : ""}
      <p class="muted">FSRS can fit its parameters to your own answers once you have a few hundred. Nothing changes until you choose to use them.</p>
      <p class="button-row"><button type="button" id="schedule-optimize">Optimize my schedule</button></p>
      <div id="schedule-body"></div>
      <p id="schedule-status" role="status"></p>`.markup;
  };

  const stopPolling = () => {
    clearInterval(timer);
    timer = 0;
  };

  const optimize = async () => {
    result = null;
    body().innerHTML = html`<progress id="schedule-progress" max="1" value="0" aria-label="Fitting the schedule"></progress>
      <button type="button" id="schedule-cancel">Cancel</button>`.markup;
    status().textContent = "Fitting the schedule to your answers…";
    timer = window.setInterval(async () => {
      const p = await api.optimizerProgress().catch(() => null);
      const bar = /** @type {HTMLProgressElement | null} */ (root.querySelector("#schedule-progress"));
      if (p && bar && p.total) {
        bar.max = p.total;
        bar.value = p.done;
      }
    }, POLL_MS);
    try {
      result = await api.optimizeSchedule();
      body().innerHTML = resultMarkup(result).markup;
      status().textContent = "Done. Choose whether to use the fitted parameters.";
    } catch (error) {
      body().innerHTML = "";
      const code = /** @type {import('../actions.js').Failure} */ (error)?.code;
      status().textContent = code === "cancelled" ? "Cancelled; nothing changed." : `Not fitted: ${errorText(error)}`;
    } finally {
      stopPolling();
    }
  };

  root.addEventListener("click", async (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (target.id === "schedule-optimize") await optimize();
    else if (target.id === "schedule-cancel") await api.cancelOptimize().catch(() => undefined);
    else if (target.id === "schedule-keep") {
      result = null;
      body().innerHTML = "";
      status().textContent = "Kept the parameters in use.";
    } else if (target.id === "schedule-adopt" && result) {
      const adopted = result;
      try {
        await api.adoptSchedule(adopted.fitted, adopted.fittedFit);
      } catch (error) {
        status().textContent = `Could not use them: ${errorText(error)}`;
        return;
      }
      result = null;
      await paint();
      status().textContent = "Using the fitted parameters from your next answer on.";
    } else if (target.id === "schedule-reset") {
      await attempt(() => api.resetSchedule(), ctx.toast, { prefix: "Could not go back to the defaults: " });
      await paint();
      status().textContent = "Back to the FSRS defaults.";
    }
  });
  await paint();
  return stopPolling;
}
