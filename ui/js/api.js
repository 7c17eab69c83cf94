// The one door to the Rust side: one function per command the UI uses, each
// typed with what the command answers (ui/js/types/api.d.ts, generated from
// the Rust structs), so a view that reads a field the payload lacks fails the
// type check. Every command answers a value or rejects with an AppError
// carrying the command's typed error code.

/** @typedef {import('./types/api').AppStatus} AppStatus */
/** @typedef {import('./types/api').BackupInfo} BackupInfo */
/** @typedef {import('./types/api').BackupList} BackupList */
/** @typedef {import('./types/api').CardFace} CardFace */
/** @typedef {import('./types/api').UndoneStep} UndoneStep */
/** @typedef {import('./types/api').GradePreview} GradePreview */
/** @typedef {import('./types/api').PracticeAnswer} PracticeAnswer */
/** @typedef {import('./types/api').ConfusionPair} ConfusionPair */
/** @typedef {import('./types/api').CardFilter} CardFilter */
/** @typedef {import('./types/api').CardPage} CardPage */
/** @typedef {import('./types/api').ReviewEntry} ReviewEntry */
/** @typedef {import('./types/api').Optimization} Optimization */
/** @typedef {import('./types/api').OptimizerProgress} OptimizerProgress */
/** @typedef {import('./types/api').Fit} Fit */
/** @typedef {import('./types/api').Readiness} Readiness */
/** @typedef {import('./types/api').ScheduleParameters} ScheduleParameters */
/** @typedef {import('./types/api').ComparisonPage} ComparisonPage */
/** @typedef {import('./types/api').ComparisonProgress} ComparisonProgress */
/** @typedef {import('./types/api').ComparisonSummary} ComparisonSummary */
/** @typedef {import('./types/api').Dashboard} Dashboard */
/** @typedef {import('./types/api').Drill} Drill */
/** @typedef {import('./types/api').DrillSubmission} DrillSubmission */
/** @typedef {import('./types/api').ExportSummary} ExportSummary */
/** @typedef {import('./types/api').Graded} Graded */
/** @typedef {import('./types/api').ImportSummary} ImportSummary */
/** @typedef {import('./types/api').Note} Note */
/** @typedef {import('./types/api').NoteKey} NoteKey */
/** @typedef {import('./types/api').NoteVersion} NoteVersion */
/** @typedef {import('./types/api').ProgressEvent} ProgressEvent */
/** @typedef {import('./types/api').Restored} Restored */
/** @typedef {import('./types/api').ReviewQueue} ReviewQueue */
/** @typedef {import('./types/api').SavedNote} SavedNote */
/** @typedef {import('./types/api').Scope} Scope */
/** @typedef {import('./types/api').NewCards} NewCards */
/** @typedef {import('./types/api').SearchResults} SearchResults */
/** @typedef {import('./types/api').StudyContext} StudyContext */
/** @typedef {TauriChannel<ProgressEvent>} ProgressChannel */

export class AppError extends Error {
  /**
   * @param {string} code the command's error code (`unknown_comparison`, `database`, ...)
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** @returns {TauriGlobal} */
function tauri() {
  const t = globalThis.window?.__TAURI__;
  if (!t) throw new AppError("no_backend", "Versus must run inside its desktop window.");
  return t;
}

/**
 * Private on purpose: views call the typed functions below, never a command
 * by its name.
 * @param {string} command
 * @param {Record<string, unknown>} [args] named as the Rust side names them, in camelCase
 * @returns {Promise<any>}
 */
async function call(command, args = {}) {
  try {
    return await tauri().core.invoke(command, args);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err && typeof err === "object" && "code" in err) throw new AppError(String(err.code), String(err.message));
    throw new AppError("internal", String(err?.message ?? err));
  }
}

/** @returns {TauriStorePlugin} */
export function storePlugin() {
  return tauri().store;
}

/**
 * A channel the Rust side reports progress on.
 * @param {(event: ProgressEvent) => void} onProgress
 * @returns {ProgressChannel}
 */
export function progressChannel(onProgress) {
  /** @type {ProgressChannel} */
  const channel = new (tauri().core.Channel)();
  channel.onmessage = onProgress;
  return channel;
}

/** @param {NoteKey} key */
const noteKey = ({ comparisonId, section, itemId }) => ({ comparisonId, section, itemId });

// --- start-up --------------------------------------------------------------------

/** @returns {Promise<AppStatus>} */
export const appStatus = () => call("app_status");

/**
 * @param {Array<[string, number]>} marks start-up moments, in ms since the Unix epoch
 * @returns {Promise<null>}
 */
export const firstViewReady = (marks) => call("first_view_ready", { marks });

// --- the library -------------------------------------------------------------------

/** @returns {Promise<ComparisonSummary[]>} */
export const listComparisons = () => call("list_comparisons");

/**
 * A comparison's page with the learner's notes; reading it writes nothing.
 * @param {string} id
 * @returns {Promise<ComparisonPage>}
 */
export const getComparison = (id) => call("get_comparison", { id });

/**
 * Records that the learner opened a comparison's page ("recently viewed").
 * @param {string} id
 * @returns {Promise<null>}
 */
export const recordView = (id) => call("record_view", { id });

/**
 * @param {StudyContext} context
 * @returns {Promise<Dashboard>}
 */
export const dashboard = (context) => call("dashboard", { context });

/**
 * @param {{ query: string, notesOnly?: boolean, limit?: number }} query
 * @returns {Promise<SearchResults>}
 */
export const search = (query) => call("search", query);

// --- notes ---------------------------------------------------------------------------

/**
 * @param {NoteKey} key
 * @param {string} body
 * @returns {Promise<SavedNote>}
 */
export const saveNote = (key, body) => call("save_note", { ...noteKey(key), body });

/**
 * @param {NoteKey} key
 * @returns {Promise<NoteVersion[]>}
 */
export const noteHistory = (key) => call("note_history", noteKey(key));

/**
 * @param {NoteKey} key
 * @param {number} versionId
 * @returns {Promise<Note | null>} the note as restored (null: the version restored was empty)
 */
export const restoreNoteVersion = (key, versionId) => call("restore_note_version", { ...noteKey(key), versionId });

/**
 * Notes on items no longer current in the library, newest first, rendered.
 * @returns {Promise<import('./types/api').ArchivedNoteView[]>}
 */
export const archivedNotes = () => call("archived_notes");

/**
 * Clears an archived note (a current item's note is refused: `not_archived`).
 * @param {NoteKey} key
 * @returns {Promise<NoteVersion>} the version that keeps its text: restoring it undoes the deletion
 */
export const deleteArchivedNote = (key) => call("delete_archived_note", noteKey(key));

/**
 * Markdown to sanitized HTML: the only way learner text becomes markup.
 * @param {string} text
 * @returns {Promise<string>}
 */
export const renderMarkdown = (text) => call("render_markdown", { text });

/**
 * One comparison's notes as a Markdown file where the learner says, in a
 * save dialog the app opens; null when they cancel it.
 * @param {string} comparisonId
 * @returns {Promise<ExportSummary | null>}
 */
export const exportComparisonMarkdown = (comparisonId) => call("export_comparison_markdown", { comparisonId });

// --- backups, export and import ----------------------------------------------------------

/** @returns {Promise<BackupList>} */
export const listBackups = () => call("list_backups");

/** @returns {Promise<BackupInfo>} */
export const backupNow = () => call("backup_now");

/**
 * What restoring the backup would change, counted against the data as it is now.
 * @param {string} fileName
 * @returns {Promise<import('./types/api').RestorePreview>}
 */
export const restorePreview = (fileName) => call("restore_preview", { fileName });

/**
 * @param {string} fileName
 * @param {ProgressChannel} onProgress
 * @returns {Promise<Restored>}
 */
export const restoreBackup = (fileName, onProgress) => call("restore_backup", { fileName, onProgress });

// The app opens the file dialogs itself: the page never names a path. Each
// answers null when the learner cancels the dialog.

/**
 * Every note as Markdown, in a new folder inside the one the learner picks.
 * @param {ProgressChannel} onProgress
 * @returns {Promise<ExportSummary | null>}
 */
export const exportMarkdown = (onProgress) => call("export_markdown", { onProgress });

/**
 * @param {ProgressChannel} onProgress
 * @returns {Promise<ExportSummary | null>}
 */
export const exportJson = (onProgress) => call("export_json", { onProgress });

/**
 * @param {ProgressChannel} onProgress
 * @returns {Promise<ImportSummary | null>}
 */
export const importJson = (onProgress) => call("import_json", { onProgress });

// --- comparisons of the learner's own --------------------------------------------------------

/** @typedef {import('./types/api').DraftDocument} DraftDocument */
/** @typedef {import('./types/api').DraftCheck} DraftCheck */

/**
 * Starts a new comparison; answers the draft's id.
 * @param {DraftDocument} document
 * @returns {Promise<number>}
 */
export const createDraft = (document) => call("create_draft", { document });

/**
 * Saves a draft as the learner types; answers the messages for its fields.
 * @param {number} id
 * @param {DraftDocument} document
 * @returns {Promise<DraftCheck>}
 */
export const saveDraft = (id, document) => call("save_draft", { id, document });

/**
 * Checks a draft by the content rules without saving it.
 * @param {DraftDocument} document
 * @returns {Promise<DraftCheck>}
 */
export const checkDraft = (document) => call("check_draft", { document });

/**
 * @param {number} id
 * @returns {Promise<import('./types/api').Draft>}
 */
export const getDraft = (id) => call("get_draft", { id });

/** @returns {Promise<import('./types/api').DraftSummary[]>} */
export const listDrafts = () => call("list_drafts");

/**
 * @param {number} id
 * @returns {Promise<null>}
 */
export const discardDraft = (id) => call("discard_draft", { id });

/**
 * Opens a comparison of the learner's own in the editor; answers the draft's id.
 * @param {string} id
 * @returns {Promise<number>}
 */
export const editComparison = (id) => call("edit_comparison", { id });

/**
 * "Make my own copy"; answers the new draft's id.
 * @param {string} id
 * @returns {Promise<number>}
 */
export const copyComparison = (id) => call("copy_comparison", { id });

/**
 * Publishes a draft (rejects with code `invalid` and every problem); answers the comparison's id.
 * @param {number} id
 * @returns {Promise<string>}
 */
export const publishDraft = (id) => call("publish_draft", { id });

/**
 * @param {string} id
 * @returns {Promise<null>}
 */
export const archiveComparison = (id) => call("archive_comparison", { id });

/**
 * @param {string} id
 * @returns {Promise<null>}
 */
export const restoreComparison = (id) => call("restore_comparison", { id });

/**
 * Deletes an archived comparison of the learner's own for good, after a backup.
 * @param {string} id
 * @returns {Promise<import('./types/api').Deleted>}
 */
export const deleteComparison = (id) => call("delete_comparison", { id });

/** @returns {Promise<import('./types/api').ArchivedComparison[]>} */
export const archivedComparisons = () => call("archived_comparisons");

// --- packs -------------------------------------------------------------------------------------

/** @typedef {import('./types/api').OpenedPack} OpenedPack */

/**
 * Asks for a .versuspack file and previews it (writes nothing); null when cancelled.
 * @returns {Promise<OpenedPack | null>}
 */
export const openPack = () => call("open_pack");

/**
 * Pack files handed to the app (its command line, a second launch) since last asked, previewed.
 * @returns {Promise<OpenedPack[]>}
 */
export const pendingPacks = () => call("pending_packs");

/**
 * Imports a previewed pack file by its token.
 * @param {number} token
 * @param {ProgressChannel} onProgress
 * @returns {Promise<import('./types/api').ImportReport>}
 */
export const importPack = (token, onProgress) => call("import_pack", { token, onProgress });

/** @returns {Promise<import('./types/api').InstalledPack[]>} */
export const listPacks = () => call("list_packs");

/**
 * Removes a pack (its comparisons archived with their notes); answers how many were archived.
 * @param {string} id
 * @returns {Promise<number>}
 */
export const removePack = (id) => call("remove_pack", { id });

/**
 * Asks where to save, then writes the learner's own comparisons as a pack; null when cancelled.
 * @param {import('./types/api').PackMeta} meta
 * @param {string[]} ids
 * @returns {Promise<import('./types/api').ExportedPack | null>}
 */
export const exportPack = (meta, ids) => call("export_pack", { meta, ids });

/**
 * Calls `handler` when a pack file arrives while the app runs (a second launch); then call `pendingPacks()`.
 * @param {() => void} handler
 * @returns {Promise<() => void>} stops listening
 */
export const onPackOpened = (handler) => tauri().event.listen("pack-opened", handler);

// --- study ---------------------------------------------------------------------------------

/**
 * @param {Scope} scope
 * @param {StudyContext} context
 * @param {NewCards} [newCards] past the daily limit only for a comparison or category the learner chose
 * @returns {Promise<ReviewQueue>}
 */
export const reviewQueue = (scope, context, newCards = "within_daily_limit") =>
  call("review_queue", { scope, context, newCards });

/**
 * @param {number} cardId
 * @param {number} grade 1 (again) to 4 (easy)
 * @param {StudyContext} context
 * @returns {Promise<Graded>}
 */
export const gradeCard = (cardId, grade, context) => call("grade_card", { cardId, grade, context });

/**
 * Undoes the newest grade or suspension; each call walks one step further back.
 * @returns {Promise<UndoneStep | null>} the card to show again and what was undone; null: nothing to undo
 */
export const undoReview = () => call("undo_review");

/**
 * The interval each grade would give the card now, in days.
 * @param {number} cardId
 * @param {StudyContext} context
 * @returns {Promise<GradePreview>}
 */
export const previewGrades = (cardId, context) => call("preview_grades", { cardId, context });

/**
 * Today's "which would you pick?" cards of one scope.
 * @param {Scope} scope
 * @param {StudyContext} context
 * @param {NewCards} [newCards]
 * @returns {Promise<ReviewQueue>}
 */
export const practiceQueue = (scope, context, newCards = "within_daily_limit") =>
  call("practice_queue", { scope, context, newCards });

/**
 * The cards that practise telling two subjects apart, by their keys.
 * @param {string} first
 * @param {string} second
 * @returns {Promise<ReviewQueue>}
 */
export const pairPractice = (first, second) => call("pair_practice", { first, second });

/**
 * Answers a scenario card with the subject whose key is `chosen`.
 * @param {number} cardId
 * @param {string} chosen
 * @param {boolean} easy the learner marked it easy (a right pick then grades Easy)
 * @param {StudyContext} context
 * @returns {Promise<PracticeAnswer>}
 */
export const answerScenario = (cardId, chosen, easy, context) =>
  call("answer_scenario", { cardId, chosen, easy, context });

/**
 * The pairs of subjects the learner mixes up most.
 * @returns {Promise<ConfusionPair[]>}
 */
export const confusions = () => call("confusions");

/**
 * @param {number} cardId
 * @param {boolean} suspended
 * @returns {Promise<null>}
 */
export const suspendCard = (cardId, suspended) => call("suspend_card", { cardId, suspended });

/**
 * A card of the learner's own on the item `key` names.
 * @param {NoteKey} key
 * @param {string} front
 * @param {string} back
 * @returns {Promise<number>} the new card's id
 */
export const createCard = (key, front, back) => call("create_card", { ...noteKey(key), front, back });

/** @returns {Promise<ComparisonProgress[]>} */
export const comparisonProgress = () => call("comparison_progress");

/**
 * @param {DrillSubmission} drill
 * @param {StudyContext} context
 * @returns {Promise<number>} the drill's id
 */
export const saveDrill = (drill, context) => call("save_drill", { drill, context });

/**
 * @param {number} drillId
 * @param {number} grade 1 (again) to 4 (easy)
 * @param {StudyContext} context
 * @returns {Promise<null>}
 */
export const gradeDrill = (drillId, grade, context) => call("grade_drill", { drillId, grade, context });

/** @returns {Promise<Drill[]>} */
export const listDrills = () => call("list_drills");

/**
 * Opens an http(s) address in the system browser; the app's window never
 * leaves its page.
 * @param {string} url
 * @returns {Promise<null>}
 */
export const openLink = (url) => call("open_link", { url });

/**
 * Lets the window close, once the page has saved after a close request.
 * @returns {Promise<null>}
 */
export const closeWindow = () => call("close_window");

/**
 * Calls `handler` when the window is asked to close (close button, File >
 * Quit, Ctrl+Q); the window waits for `closeWindow()` (a few seconds at most).
 * @param {() => void} handler
 * @returns {Promise<() => void>} stops listening
 */
export const onCloseRequested = (handler) => tauri().event.listen("close-requested", handler);

// --- the card browser ------------------------------------------------------------------

/**
 * One page of cards.
 * @param {CardFilter} filter
 * @returns {Promise<CardPage>}
 */
export const listCards = (filter) => call("list_cards", { filter });

/**
 * Suspends or unsuspends several cards at once.
 * @param {number[]} cardIds
 * @param {boolean} suspended
 * @returns {Promise<number[]>} the cards whose flag changed
 */
export const suspendCards = (cardIds, suspended) => call("suspend_cards", { cardIds, suspended });

/**
 * A card's answers, oldest first.
 * @param {number} cardId
 * @returns {Promise<ReviewEntry[]>}
 */
export const cardHistory = (cardId) => call("card_history", { cardId });

// --- "Optimize my schedule" -------------------------------------------------------------

/**
 * Fits FSRS parameters to the learner's answers; changes nothing.
 * @returns {Promise<Optimization>}
 */
export const optimizeSchedule = () => call("optimize_schedule");

/** @returns {Promise<OptimizerProgress | null>} null when no optimization runs */
export const optimizerProgress = () => call("optimizer_progress");

/** Stops the running optimization, which then fails with the code "cancelled". */
export const cancelOptimize = () => call("cancel_optimize");

/**
 * @param {number[]} parameters
 * @param {Fit} fit
 */
export const adoptSchedule = (parameters, fit) => call("adopt_schedule", { parameters, fit });

export const resetSchedule = () => call("reset_schedule");

/** @returns {Promise<ScheduleParameters>} */
export const scheduleParameters = () => call("schedule_parameters");

// --- interview day -------------------------------------------------------------------

/**
 * How ready the learner will be on `date` ("2027-01-15").
 * @param {string} date
 * @param {StudyContext} context
 * @returns {Promise<Readiness>}
 */
export const readiness = (date, context) => call("readiness", { date, context });

/**
 * The cards weakest on the interview day.
 * @param {string} date
 * @param {StudyContext} context
 * @returns {Promise<ReviewQueue>}
 */
export const gapSession = (date, context) => call("gap_session", { date, context });

// --- cram ---------------------------------------------------------------------------------

/**
 * Every card of a comparison or category, whatever its schedule.
 * @param {Scope} scope
 * @param {StudyContext} context
 * @returns {Promise<ReviewQueue>}
 */
export const cramQueue = (scope, context) => call("cram_queue", { scope, context });

/**
 * A cram answer: kept apart, no schedule changed.
 * @param {number} cardId
 * @param {number} grade 1–4
 * @param {StudyContext} context
 */
export const cramAnswer = (cardId, grade, context) => call("cram_answer", { cardId, grade, context });

/**
 * A scenario answered in a cram session.
 * @param {number} cardId
 * @param {string} chosen the subject's key
 * @param {StudyContext} context
 * @returns {Promise<PracticeAnswer>}
 */
export const cramScenario = (cardId, chosen, context) => call("cram_scenario", { cardId, chosen, context });

// --- sync ---------------------------------------------------------------------------------

/** @typedef {import('./types/api').SyncView} SyncView */
/** @typedef {import('./types/api').SyncStatus} SyncStatus */

/** Where sync stands. @returns {Promise<SyncView>} */
export const syncStatus = () => call("sync_status");

/**
 * Lets the first sync run (`started`), and tells sync the study settings a
 * card another device reviewed is scheduled with.
 * @param {StudyContext} context
 * @param {boolean} started
 * @returns {Promise<null>}
 */
export const syncSettings = (context, started) => call("sync_settings", { context, started });

/** Asks for the sync folder; null when the learner cancelled. @returns {Promise<SyncView | null>} */
export const chooseSyncFolder = () => call("choose_sync_folder");

/** @returns {Promise<SyncView>} */
export const stopSync = () => call("stop_sync");

/** @returns {Promise<null>} */
export const syncNow = () => call("sync_now");

/**
 * Calls `handler` with each new status of background sync.
 * @param {(status: SyncStatus) => void} handler
 * @returns {Promise<() => void>} stops listening
 */
export const onSyncStatus = (handler) => tauri().event.listen("sync-status", (event) => handler(/** @type {SyncStatus} */ (event.payload)));
