// Generated from the Rust payload types by ts-rs: do not edit by hand.
// Rewrite with `VERSUS_WRITE_TYPES=1 cargo test types` after changing a payload.

export type CommandError = { code: string, message: string, };

export type AppStatus = { dataDir: string, preferencesPath: string, startupError: CommandError | null, 
/**
 * Set when start-up repaired a damaged database; `message` says what happened.
 */
recovery: RecoveryNotice | null, import: ImportReport, version: string, 
/**
 * What the preferences file holds (empty when it is missing or unreadable);
 * the UI checks every value. Read here so the first view needs one call.
 */
preferences: Record<string, unknown>, };

export type RecoveryNotice = { message: string, details: Recovery, };

export type ProgressEvent = { done: number, total: number, };

export type SyncView = { status: SyncStatus, state: SyncState, };

export type SyncStatus = { 
/**
 * The folder synced through, if any.
 */
folder: string | null, 
/**
 * The folder comes from `VERSUS_SYNC_DIR`, not from Settings.
 */
fromEnv: boolean, phase: SyncPhase, 
/**
 * When the last sync ended well, in ms.
 */
lastSync: number | null, 
/**
 * Why sync is paused or failed, in words.
 */
problem: string | null, 
/**
 * What the last good sync did.
 */
lastReport: SyncReport | null, };

export type SyncPhase = "off" | "waiting" | "syncing" | "paused" | "failed";

export type SyncReport = { device: string, sent: number, 
/**
 * Changes taken in: notes, reviews, reviews undone, suspensions,
 * revisions of the learner's own comparisons, and drills (new or graded).
 */
received: number, 
/**
 * Notes whose current text changed here.
 */
applied: number, 
/**
 * The comparisons whose notes, cards' schedules or suspensions changed
 * here, and the learner's own comparisons another device's revision
 * changed here, for an open view (or list) to refresh.
 */
comparisons: Array<string>, 
/**
 * Files passed over, and events refused (too large a note, a card of
 * the learner's own, what this Versus does not understand), in words.
 */
skipped: Array<string>, 
/**
 * The other devices whose folders are in the sync folder.
 */
devices: Array<string>, };

export type SyncState = { 
/**
 * This device's id, once it has synced.
 */
device: string | null, 
/**
 * The other devices whose batches this one has read.
 */
devicesSeen: Array<string>, 
/**
 * Notes changed here since the last sync.
 */
pendingNotes: number, 
/**
 * Reviews given (or undone, once a sync recorded it) here that no
 * batch has carried yet.
 */
pendingReviews: number, };

export type DrillSubmission = { comparisonId: string, startedAt: number, secondsUsed: number, answer: string, grade: number | null, };

export type ImportReport = { 
/**
 * False when the content was unchanged since the last import and nothing ran.
 */
ran: boolean, comparisons: number, items: number, retired_items: number, retired_comparisons: number, 
/**
 * Comparisons left alone because their id belongs to another source
 * (a learner's own comparison with an id a later library also uses).
 */
skipped: number, };

export type Recovery = { 
/**
 * Damaged, or missing, empty or not a Versus database.
 */
found: "damaged" | "missing" | "empty" | "not-versus", 
/**
 * Where the file found in place of a usable database now is; none when
 * there was no file.
 */
damagedFile: string | null, 
/**
 * What was wrong with it.
 */
problem: string, 
/**
 * The backup now in use, if there was a good one.
 */
restoredFrom: string | null, restoredBackupTime: number | null, };

export type Reason = "startup" | "periodic" | "manual" | "before-restore" | "before-import" | "before-migration" | "before-delete";

export type BackupInfo = { fileName: string, createdAt: number, reason: Reason, size: number, 
/**
 * None when the file cannot be read as a Versus database.
 */
noteCount: number | null, };

export type AutoBackupStatus = { lastBackupAt: number | null, lastError: string | null, };

export type Section = "comparison" | "subject" | "difference" | "when_to_use" | "tradeoff" | "mistake" | "interview_tip" | "dimension" | "scenario";

export type ComparisonSummary = { id: string, title: string, category: string, summary: string, tags: Array<string>, noteCount: number, 
/**
 * Shipped, the learner's own, or a pack's.
 */
origin: OriginKind, 
/**
 * The pack it came from, when it is a pack's.
 */
packId: string | null, };

export type CategoryCount = { category: string, count: number, };

export type PageItem = { section: Section, itemId: string, 
/**
 * A subject's name (on subjects and when-to-use entries).
 */
name: string | null, 
/**
 * A subject's category.
 */
label: string | null, text: string, retired: boolean, note: Note | null, 
/**
 * The note rendered to sanitized HTML.
 */
noteHtml: string | null, };

export type ComparisonPage = { id: string, title: string, category: string, summary: string, interviewTip: string, tags: Array<string>, retired: boolean, 
/**
 * Shipped, the learner's own (editable), or a pack's.
 */
origin: OriginKind, 
/**
 * The comparison as a whole and the interview tip, as note targets.
 */
overview: PageItem, tip: PageItem, subjects: Array<PageItem>, differences: Array<PageItem>, whenToUse: Array<PageItem>, tradeoffs: Array<PageItem>, mistakes: Array<PageItem>, 
/**
 * Retired items that still carry a note.
 */
archived: Array<PageItem>, 
/**
 * The at-a-glance grid, rows in order; empty when it has none.
 */
grid: Array<GridRow>, 
/**
 * The day its facts were last verified (YYYY-MM-DD), if known.
 */
checked: string | null, 
/**
 * The official documentation its facts come from.
 */
sources: Array<Source>, };

export type GridRow = { row: PageItem, values: Array<string>, };

export type Source = { title: string, url: string, };

export type NoteKey = { comparisonId: string, section: Section, itemId: string, };

export type Note = { body: string, createdAt: number, updatedAt: number, comparisonId: string, section: Section, itemId: string, };

export type NoteVersion = { id: number, body: string, savedAt: number, replacedAt: number, };

export type ArchivedNote = { comparisonTitle: string | null, itemText: string | null, body: string, createdAt: number, updatedAt: number, comparisonId: string, section: Section, itemId: string, };

export type NoteWithPlace = { comparisonTitle: string, itemText: string, retired: boolean, body: string, createdAt: number, updatedAt: number, comparisonId: string, section: Section, itemId: string, };

export type SaveOutcome = "saved" | "unchanged" | "cleared";

export type ExportSummary = { files: number, notes: number, 
/**
 * The file or folder written, to tell the learner where their notes went.
 */
location: string, };

export type ImportSummary = { 
/**
 * Notes this store did not have.
 */
added: number, 
/**
 * Notes that gained history: a differing text or earlier versions.
 */
updated: number, 
/**
 * Notes already here exactly as in the file.
 */
kept: number, 
/**
 * Notes on comparisons this library does not have.
 */
skipped: number, };

export type HitKind = "item" | "note";

export type SearchHit = { kind: HitKind, comparisonId: string, comparisonTitle: string, category: string, section: Section, itemId: string, 
/**
 * Escaped HTML with the matched words in `<mark>`.
 */
snippet: string, 
/**
 * bm25 score: lower is better.
 */
score: number, };

export type SearchResults = { hits: Array<SearchHit>, 
/**
 * The words actually searched for, for highlighting.
 */
terms: Array<string>, 
/**
 * Set when the query was longer than [`MAX_QUERY_CHARS`] or had more than
 * [`MAX_QUERY_TERMS`] words, and was cut.
 */
truncated: boolean, 
/**
 * When nothing was found and a word is not in the library: the query with
 * each such word replaced by the nearest word the library has.
 */
suggestion: string | null, 
/**
 * Every replaced word had exactly one close word, so the suggestion can
 * be searched without asking.
 */
suggestionIsSure: boolean, };

export type StudySettings = { 
/**
 * The probability of recall FSRS aims for when it sets a due date.
 */
desiredRetention: number, 
/**
 * New cards introduced per day, across restarts.
 */
newPerDay: number, };

export type StudyContext = { utcOffsetMinutes: number, desiredRetention: number, newPerDay: number, };

export type NewCards = "within_daily_limit" | "past_daily_limit";

export type Grade = "Again" | "Hard" | "Good" | "Easy";

export type Scope = { "kind": "all" } | { "kind": "category", "value": string } | { "kind": "comparison", "value": string };

export type CardKind = "which_one" | "recall_list" | "interview" | "custom" | "grid" | "scenario" | "recall_item";

export type CardState = "new" | "review";

export type CardSchedule = { id: number, state: CardState, stability: number | null, difficulty: number | null, due: number | null, lastReview: number | null, reps: number, lapses: number, };

export type CardFace = { id: number, kind: CardKind, comparisonId: string, comparisonTitle: string, category: string, section: Section, itemId: string, prompt: string, front: string, 
/**
 * Plain-text answer lines (the list items for a recall-the-list card).
 */
answer: Array<string>, 
/**
 * The learner's notes on what the card asks about, each with the item it is on.
 */
notes: Array<CardNote>, 
/**
 * What a scenario card offers to pick from; empty for other kinds.
 */
choices: Array<Choice>, state: CardState, suspended: boolean, };

export type CardNote = { place: string, 
/**
 * Markdown.
 */
body: string, };

export type Graded = { card: CardSchedule, intervalDays: number, };

export type Mastery = "new" | "learning" | "mastered";

export type ComparisonProgress = { comparisonId: string, category: string, mastery: Mastery, cards: number, reviewed: number, };

export type CategoryProgress = { category: string, new: number, learning: number, mastered: number, };

export type StudyStats = { 
/**
 * Cards in today's queue: due now plus new ones allowed today.
 */
dueToday: number, reviewsToday: number, 
/**
 * Consecutive days with at least one review, ending today (or yesterday
 * when today has none yet).
 */
streak: number, 
/**
 * Reviews per day for the last [`HEATMAP_DAYS`] days, oldest first; the
 * last entry is today.
 */
heatmap: Array<number>, categories: Array<CategoryProgress>, };

export type Drill = { id: number, comparisonId: string, comparisonTitle: string, startedAt: number, submittedAt: number, secondsUsed: number, answer: string, grade: number | null, };

export type Dashboard = { study: StudyStats, comparisonCount: number, viewedCount: number, withNotes: number, noteCount: number, 
/**
 * Notes on items the library no longer has current (`#/archived`).
 */
archivedCount: number, 
/**
 * Comparisons of the learner's own that are archived, restorable.
 */
archivedComparisons: number, categories: Array<CategoryCount>, recentViews: Array<ComparisonSummary>, recentNotes: Array<NoteWithPlace>, 
/**
 * The three pairs of subjects the learner mixes up most.
 */
confusions: Array<ConfusionPair>, };

export type SavedNote = { outcome: SaveOutcome, note: Note | null, 
/**
 * The note rendered and sanitized, for the preview.
 */
html: string, };

export type ArchivedNoteView = { 
/**
 * The note rendered and sanitized.
 */
html: string, comparisonTitle: string | null, itemText: string | null, body: string, createdAt: number, updatedAt: number, comparisonId: string, section: Section, itemId: string, };

export type ReviewQueue = { cards: Array<CardFace>, due: number, new: number, 
/**
 * New cards of this scope the daily limit leaves for another day.
 */
newHeldBack: number, };

export type UndoneStep = { card: CardFace, action: UndoAction, };

export type GradePreview = { again: number, hard: number, good: number, easy: number, };

export type UndoAction = "grade" | "suspend" | "cram";

export type Choice = { key: string, name: string, };

export type PracticeAnswer = { correct: boolean, right: Choice, chosen: Choice, becauseSection: Section, becauseItem: string, becauseText: string, note: string | null, 
/**
 * The schedule the answer gave; none in a cram session, which changes none.
 */
graded: Graded | null, };

export type ConfusionPair = { 
/**
 * The category of the comparison where it happened last.
 */
category: string, first: Choice, second: Choice, count: number, lastAt: number, };

export type BrowseState = "new" | "learning" | "review" | "suspended";

export type DueWithin = "now" | "week";

export type CardSort = "due" | "comparison" | "lapses" | "stability";

export type CardFilter = { comparison: string | null, category: string | null, kind: CardKind | null, state: BrowseState | null, due: DueWithin | null, sort: CardSort, offset: number, 
/**
 * At most [`MAX_PAGE`].
 */
limit: number, };

export type CardRow = { id: number, comparisonId: string, comparisonTitle: string, category: string, kind: CardKind, 
/**
 * What the card is about, in a few words (its item's text, a scenario, a card's front).
 */
about: string, state: BrowseState, due: number | null, stability: number | null, reps: number, lapses: number, };

export type CardPage = { cards: Array<CardRow>, 
/**
 * Every card the filter matches, beyond this page too.
 */
total: number, };

export type ReviewEntry = { reviewedAt: number, grade: number, elapsedDays: number, 
/**
 * Days until the due date this answer set.
 */
intervalDays: number, stability: number, };

export type Fit = { logLoss: number, rmse: number, };

export type Readiness = { date: string, daysLeft: number, 
/**
 * Over every studied card.
 */
recall: number | null, categories: Array<ReadinessRow>, comparisons: Array<ReadinessRow>, 
/**
 * New cards in all.
 */
new: number, 
/**
 * New cards the daily limit will not have brought in by the day.
 */
unseenByThen: number, };

export type ReadinessRow = { 
/**
 * The category, or the comparison's id.
 */
id: string, 
/**
 * The category, or the comparison's title.
 */
name: string, category: string, 
/**
 * The mean probability of recalling a studied card on the day; None
 * when none is studied yet.
 */
recall: number | null, studied: number, 
/**
 * Cards never studied yet.
 */
new: number, };

export type Optimization = { current: Array<number>, currentFit: Fit, fitted: Array<number>, fittedFit: Fit, 
/**
 * Answers the fit learned from.
 */
reviews: number, };

export type ScheduleParameters = { parameters: Array<number>, 
/**
 * False while the defaults are in use.
 */
fitted: boolean, adoptedAt: number | null, fit: Fit | null, };

export type OptimizerProgress = { done: number, total: number, };

export type BackupList = { backups: Array<BackupInfo>, folder: string, automatic: AutoBackupStatus, keepRecent: number, keepDailyDays: number, 
/**
 * Backups taken before a restore, an import or a migration are kept this long.
 */
keepSafetyDays: number, };

export type Restored = { restored: BackupInfo, 
/**
 * The backup of the state just replaced, so the restore can be undone.
 */
safetyBackup: BackupInfo, };

export type RestorePreview = { backup: BackupInfo, 
/**
 * Notes written since the backup: a restore removes them.
 */
notesAdded: number, 
/**
 * Notes whose text changed since the backup: a restore brings back the old text.
 */
notesChanged: number, 
/**
 * Notes cleared since the backup: a restore brings them back.
 */
notesRemoved: number, 
/**
 * Reviews made since the backup: a restore removes them.
 */
reviewsSince: number, 
/**
 * Drills handed in since the backup: a restore removes them.
 */
drillsSince: number, 
/**
 * Cards whose schedule (or suspension) differs from the backup's: a
 * restore puts them back on the backup's schedule.
 */
cardsRescheduled: number, };

export type OriginKind = "library" | "mine" | "pack";

export type ContentError = { file: string, 
/**
 * Path of the field inside the file, such as `subjects[1].name`; `.` for the whole file.
 */
field: string, message: string, };

export type DraftDocument = { title: string, category: string, summary: string, subjects: Array<DraftSubject>, differences: Array<DraftItem>, tradeoffs: Array<DraftItem>, mistakes: Array<DraftItem>, interview_tip: string, tags: Array<string>, };

export type DraftSubject = { 
/**
 * Empty until first published.
 */
id: string, name: string, 
/**
 * What kind of thing it is ("Object storage"); the comparison's
 * category when left empty. `subjects[i].category` in messages.
 */
category: string, description: string, 
/**
 * When to use this subject; `when_to_use[i].text` in messages.
 */
when_to_use: string, };

export type DraftItem = { 
/**
 * Empty until first published.
 */
id: string, text: string, };

export type FieldMessage = { field: string, message: string, };

export type DraftCheck = { errors: Array<FieldMessage>, advice: Array<FieldMessage>, };

export type Draft = { id: number, 
/**
 * The comparison of the learner's own it edits; `None` for a new one.
 */
comparisonId: string | null, 
/**
 * The comparison it was copied from, if any.
 */
copiedFrom: string | null, document: DraftDocument, updatedAt: number, check: DraftCheck, };

export type DraftSummary = { id: number, comparisonId: string | null, title: string, updatedAt: number, publishable: boolean, };

export type ArchivedComparison = { id: string, title: string, category: string, noteCount: number, };

export type Deleted = { notes: number, cards: number, };

export type Change = "new" | "updated" | "unchanged";

export type PreviewEntry = { index: number, id: string, title: string, change: Change, 
/**
 * Parts (differences, tradeoffs...) added, reworded and removed.
 */
added: number, reworded: number, removed: number, 
/**
 * It was archived (the pack removed, or gone from an earlier version)
 * and comes back with its notes.
 */
restored: boolean, };

export type PackPreview = { id: string, name: string, version: string, author: string, description: string, 
/**
 * The version installed now, or installed before it was removed.
 */
installedVersion: string | null, 
/**
 * The pack was installed and then removed: importing it brings its
 * comparisons back with the notes.
 */
wasRemoved: boolean, comparisons: Array<PreviewEntry>, 
/**
 * Comparisons of the installed version this one no longer has: they
 * would be archived with their notes.
 */
retiring: Array<string>, 
/**
 * Ids taken by another source; while there is any, nothing can be imported.
 */
collisions: Array<ContentError>, };

export type InstalledPack = { id: string, name: string, version: string, author: string, description: string, comparisonCount: number, installedAt: number, };

export type PackMeta = { id: string, name: string, version: string, author: string, description: string, };

export type PackFileCheck = { file: string, preview: PackPreview | null, errors: Array<ContentError>, };

export type ExportedPack = { comparisons: number, location: string, };

export type OpenedPack = { token: number, file: string, preview: PackPreview | null, errors: Array<ContentError>, };
