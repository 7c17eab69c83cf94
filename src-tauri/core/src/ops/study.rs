//! Operations of active recall: the review queue, grading and undo, cards,
//! progress and drills.

use std::sync::{Arc, Mutex};

use fsrs::CombinedProgressState;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::clock::now_ms;
use crate::error::Result;
use crate::notes::NoteKey;
use crate::store::Store;
use crate::study::browser::{self, CardFilter, CardPage, Cards, ReviewEntry};
use crate::study::cards::{self, CardKind};
use crate::study::drills::{self, Drill, DrillAnswer};
use crate::study::face::{card_face, CardFace};
use crate::study::interleave::{interleave, Waiting};
use crate::study::optimizer::{self, Fit, Optimization, ScheduleParameters, TrainingData};
use crate::study::practice::{self, Answering, ConfusionPair, PracticeAnswer};
use crate::study::progress::{self, ComparisonProgress};
use crate::study::queue::{self, build_queue_with, NewCards, Queue};
use crate::study::readiness::{self, Readiness};
use crate::study::review::{self, GradePreview, Graded, UndoAction};
use crate::study::{Clock, Grade, Scope, StudySettings};

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewQueue {
    pub cards: Vec<CardFace>,
    pub due: usize,
    pub new: usize,
    /// New cards of this scope the daily limit leaves for another day.
    pub new_held_back: usize,
}

fn faces(conn: &Connection, cards: &[i64]) -> Result<Vec<CardFace>> {
    cards.iter().map(|&id| card_face(conn, id)).collect()
}

/// A queue's cards, rendered, with its counts.
fn session_of(conn: &Connection, queue: &Queue) -> Result<ReviewQueue> {
    Ok(ReviewQueue {
        cards: faces(conn, &queue.cards)?,
        due: queue.due,
        new: queue.new,
        new_held_back: queue.new_held_back,
    })
}

/// Cards chosen outside the day's schedule (a pair, the weakest), interleaved and rendered.
fn interleaved_session(conn: &Connection, cards: Vec<(i64, String)>) -> Result<ReviewQueue> {
    let waiting: Vec<Waiting> =
        cards.into_iter().map(|(card, comparison)| Waiting { card, comparison }).collect();
    let due = waiting.len();
    Ok(ReviewQueue { cards: faces(conn, &interleave(waiting))?, due, new: 0, new_held_back: 0 })
}

/// Today's cards in order, rendered, for one scope; `new_cards` says whether
/// a comparison's or category's session may go past the daily new-card limit.
pub fn review_queue(
    store: &Store,
    scope: &Scope,
    clock: Clock,
    settings: StudySettings,
    new_cards: NewCards,
) -> Result<ReviewQueue> {
    todays_session(store, scope, clock, settings, new_cards, None)
}

/// Today's "which would you pick?" cards of one scope: the scenarios due
/// and new ones, as in a review, and nothing else.
pub fn practice_queue(
    store: &Store,
    scope: &Scope,
    clock: Clock,
    settings: StudySettings,
    new_cards: NewCards,
) -> Result<ReviewQueue> {
    todays_session(store, scope, clock, settings, new_cards, Some(CardKind::Scenario))
}

fn todays_session(
    store: &Store,
    scope: &Scope,
    clock: Clock,
    settings: StudySettings,
    new_cards: NewCards,
    only: Option<CardKind>,
) -> Result<ReviewQueue> {
    store.read("building today's session", |conn| {
        session_of(conn, &build_queue_with(conn, scope, clock, settings, new_cards, only)?)
    })
}

/// A session that practises telling two subjects apart (by their keys),
/// whatever their schedule: the scenarios answered by either and the
/// differences of comparisons that have both, interleaved.
pub fn pair_practice(store: &Store, first: &str, second: &str) -> Result<ReviewQueue> {
    store.read("building a pair's practice", |conn| {
        interleaved_session(conn, practice::pair_cards(conn, first, second)?)
    })
}

/// Answers a scenario card by picking a subject: graded objectively, and a
/// wrong pick kept as a confusion, in one transaction.
pub fn answer_scenario(
    store: &mut Store,
    card_id: i64,
    chosen_key: &str,
    easy: bool,
    clock: Clock,
    settings: StudySettings,
) -> Result<PracticeAnswer> {
    store.transact("answering a scenario", |tx| {
        practice::answer_scenario(tx, card_id, chosen_key, Answering::Graded { easy, settings }, clock)
    })
}

/// The pairs of subjects the learner mixes up most.
pub fn confusions(store: &Store, limit: usize) -> Result<Vec<ConfusionPair>> {
    store.read("listing confusions", |conn| practice::confusion_pairs(conn, limit))
}

pub fn grade_card(
    store: &mut Store,
    card_id: i64,
    grade: Grade,
    clock: Clock,
    settings: StudySettings,
) -> Result<Graded> {
    store.transact("grading a card", |tx| review::grade_card(tx, card_id, grade, clock, settings))
}

/// What an undo put back: the card to show again, and what was undone.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UndoneStep {
    pub card: CardFace,
    pub action: UndoAction,
}

/// Undoes the newest grade or suspension; each call walks one step further back.
pub fn undo_review(store: &mut Store) -> Result<Option<UndoneStep>> {
    store.transact("undoing a review step", |tx| match review::undo_last_step(tx)? {
        Some(undone) => Ok(Some(UndoneStep { card: card_face(tx, undone.card_id)?, action: undone.action })),
        None => Ok(None),
    })
}

pub fn suspend_card(store: &mut Store, card_id: i64, suspended: bool) -> Result<()> {
    store.transact("suspending a card", |tx| review::set_suspended(tx, card_id, suspended))
}

/// The interval each grade would give the card now.
pub fn preview_grades(
    store: &Store,
    card_id: i64,
    clock: Clock,
    settings: StudySettings,
) -> Result<GradePreview> {
    store.read("previewing grades", |conn| review::preview_grades(conn, card_id, clock, settings))
}

/// Makes a card of the learner's own on the item `key` names.
pub fn create_card(store: &mut Store, key: &NoteKey, front: &str, back: &str) -> Result<i64> {
    store.transact("making a card", |tx| cards::create_custom_card(tx, key, front, back))
}

pub fn comparison_progress(store: &Store) -> Result<Vec<ComparisonProgress>> {
    store.read("reading progress", progress::comparison_progress)
}

/// Keeps a drill answer and, when it carries a self-grade, grades the
/// comparison's interview card: both or neither.
pub fn submit_drill(
    store: &mut Store,
    drill: &DrillAnswer,
    clock: Clock,
    settings: StudySettings,
) -> Result<i64> {
    store.transact("keeping a drill", |tx| drills::save_drill(tx, drill, clock, settings))
}

/// Self-grades a kept drill; only its first grade also grades the interview card.
pub fn grade_drill(
    store: &mut Store,
    drill_id: i64,
    grade: Grade,
    clock: Clock,
    settings: StudySettings,
) -> Result<()> {
    store.transact("grading a drill", |tx| drills::grade_drill(tx, drill_id, grade, clock, settings))
}

pub fn list_drills(store: &Store, limit: usize) -> Result<Vec<Drill>> {
    store.read("listing drills", |conn| drills::list_drills(conn, limit))
}

/// One page of the card browser.
pub fn list_cards(store: &Store, filter: &CardFilter, now: i64) -> Result<CardPage> {
    store.read("listing cards", |conn| browser::list_cards(conn, filter, now))
}

/// Suspends or unsuspends several cards at once; answers those that changed.
pub fn suspend_cards(store: &mut Store, cards: &Cards, suspended: bool) -> Result<Vec<i64>> {
    store.transact("suspending cards", |tx| browser::set_suspended_many(tx, cards, suspended))
}

/// A card's answers, oldest first.
pub fn card_history(store: &Store, card_id: i64) -> Result<Vec<ReviewEntry>> {
    store.read("reading a card's history", |conn| browser::card_history(conn, card_id))
}

/// The learner's answers as the optimizer trains on them, and the
/// parameters in use: read here, then fitted away from the store
/// ([`fit_schedule`]) so that studying goes on meanwhile.
pub fn schedule_training_data(store: &Store) -> Result<(TrainingData, Vec<f32>)> {
    store.read("reading the answers to fit", |conn| {
        Ok((optimizer::training_data(conn)?, optimizer::scheduler_parameters(conn)?))
    })
}

/// Fits parameters to the answers and evaluates them beside the current
/// ones; changes nothing (see [`adopt_schedule`]).
pub fn fit_schedule(
    data: &TrainingData,
    current: &[f32],
    progress: &Arc<Mutex<CombinedProgressState>>,
) -> Result<Optimization> {
    optimizer::optimize(data, current, progress)
}

/// Adopts fitted parameters, once the learner confirms.
pub fn adopt_schedule(store: &mut Store, parameters: &[f32], fit: Fit) -> Result<()> {
    store.transact("adopting fitted parameters", |tx| optimizer::adopt(tx, parameters, fit, now_ms()))
}

/// Goes back to the default parameters.
pub fn reset_schedule(store: &mut Store) -> Result<()> {
    store.transact("going back to the default parameters", optimizer::reset)
}

/// The parameters in use.
pub fn schedule_parameters(store: &Store) -> Result<ScheduleParameters> {
    store.read("reading the schedule's parameters", optimizer::schedule_parameters)
}

/// How ready the learner will be on an interview day ("2027-01-15").
pub fn readiness(store: &Store, date: &str, clock: Clock, settings: StudySettings) -> Result<Readiness> {
    store.read("predicting interview-day recall", |conn| readiness::readiness(conn, date, clock, settings))
}

/// "Close the gap": the studied cards weakest on the interview day, interleaved.
pub fn gap_session(store: &Store, date: &str, clock: Clock) -> Result<ReviewQueue> {
    store.read("building a session of the weakest cards", |conn| {
        interleaved_session(conn, readiness::weakest_cards(conn, date, clock, readiness::GAP_SESSION)?)
    })
}

/// Cram: every card of a comparison or a category, whatever its schedule,
/// interleaved. Refused for the whole library.
pub fn cram_queue(store: &Store, scope: &Scope, clock: Clock) -> Result<ReviewQueue> {
    store.read("building a cram session", |conn| {
        let cards = queue::cram_cards(conn, scope, clock)?;
        Ok(ReviewQueue { due: cards.len(), cards: faces(conn, &cards)?, new: 0, new_held_back: 0 })
    })
}

/// A cram answer: logged apart from reviews, no schedule changed.
pub fn cram_answer(store: &mut Store, card_id: i64, grade: Grade, clock: Clock) -> Result<()> {
    store.transact("keeping a cram answer", |tx| review::log_cram(tx, card_id, grade, clock.now))
}

/// A scenario answered in a cram session: judged, logged, nothing scheduled
/// and no confusion kept.
pub fn cram_scenario(
    store: &mut Store,
    card_id: i64,
    chosen_key: &str,
    clock: Clock,
) -> Result<PracticeAnswer> {
    store.transact("keeping a cram answer", |tx| {
        practice::answer_scenario(tx, card_id, chosen_key, Answering::Cram, clock)
    })
}
